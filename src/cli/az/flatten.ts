/**
 * How `az` turns an ARM REST body into what it prints: the SDK models flatten `properties` into
 * the object (recursively, sub-resources included), and azure-cli adds `resourceGroup` — parsed
 * from `id`, in the id's own casing — to every dict that has an ARM id.
 */

type Json = unknown;

const RG_IN_ID = /\/resourceGroups\/([^/]+)/i;

export function azView(v: Json): Json {
  if (Array.isArray(v)) return v.map(azView);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(o)) {
    if (k === 'properties' && val && typeof val === 'object' && !Array.isArray(val)) {
      for (const [pk, pv] of Object.entries(val as Record<string, unknown>)) if (!(pk in o) && pv !== undefined) out[pk] = azView(pv);
    } else if (val !== undefined) out[k] = k === 'tags' ? val : azView(val);
  }
  addResourceGroup(out);
  return out;
}

/** azure-cli's `_add_resource_group`: only when absent, only for ids under a resource group. */
export function addResourceGroup(o: Record<string, unknown>): void {
  if (typeof o.id === 'string' && !('resourceGroup' in o)) {
    const m = RG_IN_ID.exec(o.id);
    if (m) o.resourceGroup = m[1];
  }
}

/** Adds `resourceGroup` recursively without flattening (activity log, generic resources). */
export function withResourceGroups(v: Json): Json {
  if (Array.isArray(v)) return v.map(withResourceGroups);
  if (!v || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const [k, val] of Object.entries(v as Record<string, unknown>)) out[k] = k === 'tags' ? val : withResourceGroups(val);
  addResourceGroup(out);
  return out;
}
