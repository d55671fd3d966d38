/**
 * A controller step that takes virtual time is a generator: it `yield`s a delay in
 * milliseconds and is resumed by the clock when that delay has passed. This keeps every
 * reconcile synchronous and deterministic (no promises to flush), while ARM calls can still
 * take the 9–27 s that make `<pending>` observable.
 */
import type { VirtualClock } from './clock';

export type Flow<T = void> = Generator<number, T, void>;

/** A flow that completes immediately with `value`. */
export function* done<T>(value: T): Flow<T> {
  return value;
}

/** Waits `ms` of virtual time. */
export function* sleep(ms: number): Flow<void> {
  if (ms > 0) yield ms;
}

/**
 * Drives a flow on the clock: synchronous parts run now, each yielded delay becomes a timer.
 * Exactly one of `onDone` / `onError` is called.
 */
export function runFlow<T>(
  clock: VirtualClock,
  flow: Flow<T>,
  onDone: (value: T) => void,
  onError: (err: unknown) => void,
  label?: string,
  /** Tells settle() this step only repeats a failure nothing has changed since (see WorkQueue). */
  idle?: () => boolean,
): void {
  const step = (): void => {
    let r: IteratorResult<number, T>;
    try {
      r = flow.next();
    } catch (err) {
      onError(err);
      return;
    }
    if (r.done) onDone(r.value);
    else clock.schedule(r.value, step, { label, idle });
  };
  step();
}
