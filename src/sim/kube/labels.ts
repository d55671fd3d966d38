/** Label selectors: the string form (`app=web,tier!=db,env in (a,b),!canary`) and the object form. */

export type Requirement =
  | { key: string; op: 'eq' | 'neq'; value: string }
  | { key: string; op: 'in' | 'notin'; values: string[] }
  | { key: string; op: 'exists' | 'notexists' };

export interface LabelSelectorObject {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist'; values?: string[] }[];
}

/** Parses kubectl's `-l` syntax. Throws Error with kubectl-like text on bad input. */
export function parseSelector(text: string): Requirement[] {
  const reqs: Requirement[] = [];
  const parts: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      parts.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) parts.push(cur);
  for (const raw of parts) {
    const p = raw.trim();
    if (!p) continue;
    let m: RegExpMatchArray | null;
    if ((m = p.match(/^([\w./-]+)\s+(in|notin)\s+\(([^)]*)\)$/))) {
      reqs.push({
        key: m[1],
        op: m[2] as 'in' | 'notin',
        values: m[3]
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean),
      });
    } else if ((m = p.match(/^([\w./-]+)\s*(!=)\s*([\w./-]*)$/))) {
      reqs.push({ key: m[1], op: 'neq', value: m[3] });
    } else if ((m = p.match(/^([\w./-]+)\s*(==|=)\s*([\w./-]*)$/))) {
      reqs.push({ key: m[1], op: 'eq', value: m[3] });
    } else if ((m = p.match(/^!([\w./-]+)$/))) {
      reqs.push({ key: m[1], op: 'notexists' });
    } else if ((m = p.match(/^([\w./-]+)$/))) {
      reqs.push({ key: m[1], op: 'exists' });
    } else {
      throw new Error(`unable to parse requirement: found '${p}', expected: identifier`);
    }
  }
  return reqs;
}

export function selectorFromObject(sel: LabelSelectorObject | undefined): Requirement[] {
  const reqs: Requirement[] = [];
  for (const [key, value] of Object.entries(sel?.matchLabels ?? {})) reqs.push({ key, op: 'eq', value });
  for (const e of sel?.matchExpressions ?? []) {
    if (e.operator === 'In') reqs.push({ key: e.key, op: 'in', values: e.values ?? [] });
    else if (e.operator === 'NotIn') reqs.push({ key: e.key, op: 'notin', values: e.values ?? [] });
    else if (e.operator === 'Exists') reqs.push({ key: e.key, op: 'exists' });
    else reqs.push({ key: e.key, op: 'notexists' });
  }
  return reqs;
}

/** A Service's `spec.selector` map. An empty map matches nothing for Services (caller decides). */
export function selectorFromMap(map: Record<string, string> | undefined): Requirement[] {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, op: 'eq' as const, value }));
}

export function matches(reqs: Requirement[], labels: Record<string, string> | undefined): boolean {
  const l = labels ?? {};
  for (const r of reqs) {
    const has = Object.hasOwn(l, r.key);
    switch (r.op) {
      case 'eq':
        if (!has || l[r.key] !== r.value) return false;
        break;
      case 'neq':
        if (has && l[r.key] === r.value) return false;
        break;
      case 'in':
        if (!has || !r.values.includes(l[r.key])) return false;
        break;
      case 'notin':
        if (has && r.values.includes(l[r.key])) return false;
        break;
      case 'exists':
        if (!has) return false;
        break;
      case 'notexists':
        if (has) return false;
        break;
    }
  }
  return true;
}

/** `app=nginx,tier=web` as kubectl's wide SELECTOR column and describe print a map selector. */
export function formatSelectorMap(map: Record<string, string> | undefined): string {
  const entries = Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return entries.map(([k, v]) => `${k}=${v}`).join(',');
}
