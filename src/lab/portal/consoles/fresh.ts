/**
 * Which console rows are new, as the Azure portal marks resources a command just created: a
 * resource first seen after the console opened stays "new" for FRESH_MS of virtual time; one that
 * carries its creation time (load balancers, forwarding rules) counts from it, so a load balancer
 * made just before the console opened is marked too. The console records every resource of its
 * cloud on each redraw (not only the list on screen), so a list opened later still knows what is new.
 */
export const FRESH_MS = 20_000;

const firstSeen = new WeakMap<object, Map<string, number>>();

/** Records the keys of every resource now in the cloud store `owner` (one call per redraw). */
export function observe(owner: object, keys: Iterable<string>, now: number): void {
  let seen = firstSeen.get(owner);
  // What exists when the console first looks is not news (unless its creation time says so).
  const at = seen ? now : Number.NEGATIVE_INFINITY;
  if (!seen) firstSeen.set(owner, (seen = new Map()));
  for (const k of keys) if (!seen.has(k)) seen.set(k, at);
}

export function isFresh(owner: object, key: string, now: number, createdAt?: number): boolean {
  const at = createdAt ?? firstSeen.get(owner)?.get(key) ?? Number.NEGATIVE_INFINITY;
  return now - at < FRESH_MS;
}
