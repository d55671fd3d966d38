import { useEffect, useState } from 'preact/hooks';
import type { LabActions, LabState, LabStore } from './store';

/** Subscribes a component to one slice of the lab store; re-renders only when that slice changes. */
export function useLab<T>(store: LabStore, select: (s: LabState & LabActions) => T): T {
  const [value, setValue] = useState(() => select(store.getState()));
  useEffect(() => {
    setValue(() => select(store.getState()));
    return store.subscribe((s) => {
      const next = select(s);
      setValue((prev) => (Object.is(prev, next) ? prev : next));
    });
  }, [store]);
  return value;
}
