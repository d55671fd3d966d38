/** A Storage over a Map that accepts at most `quota` characters (keys + values), as a browser's does. */
export type MemoryStorage = Storage & { map: Map<string, string> };

export function memoryStorage(init: Record<string, string> = {}, quota = Infinity): MemoryStorage {
  const map = new Map(Object.entries(init));
  const used = () => [...map].reduce((n, [k, v]) => n + k.length + v.length, 0);
  return {
    map,
    get length() {
      return map.size;
    },
    clear: () => map.clear(),
    getItem: (k) => map.get(k) ?? null,
    key: (i) => [...map.keys()][i] ?? null,
    removeItem: (k) => void map.delete(k),
    setItem: (k, v) => {
      const replaced = map.has(k) ? k.length + (map.get(k)?.length ?? 0) : 0;
      if (used() - replaced + k.length + String(v).length > quota) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      map.set(k, String(v));
    },
  };
}
