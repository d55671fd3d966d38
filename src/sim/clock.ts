/**
 * Virtual time. Nothing in the simulator reads the wall clock or uses real timers: every delay
 * (ARM provisioning, controller backoff, pod start-up) is a timer on this clock, so a run is a
 * pure function of the seed and the commands, and `settle()` can skip idle time instantly.
 */

/** Fixed start of virtual time: all outputs (timestamps, ages) are reproducible. */
export const SIM_EPOCH_MS = Date.UTC(2025, 5, 2, 9, 0, 0); // 2025-06-02T09:00:00Z

export interface TimerHandle {
  readonly id: number;
  /** Removes the timer if it has not fired yet; safe to call more than once. */
  cancel(): void;
}

export interface ScheduleOptions {
  /** Shown by `pendingTimers()` (debugging, lesson views). */
  label?: string;
  /**
   * Returns true when this timer only retries a failure nothing has changed since.
   * `settle()` stops when every remaining timer says so: a permanent error must not make it spin.
   */
  idle?: () => boolean;
}

interface Timer {
  id: number;
  due: number;
  seq: number;
  fn: () => void;
  label?: string;
  idle?: () => boolean;
  cancelled: boolean;
}

export interface PendingTimer {
  id: number;
  due: number;
  label?: string;
  idle: boolean;
}

/** Binary heap ordered by (due, seq): timers due at the same instant run in scheduling order. */
export class VirtualClock {
  private t: number;
  private heap: Timer[] = [];
  private nextSeq = 1;
  private live = 0;
  /** Pending timers without an `idle` predicate: always real work. */
  private plain = 0;
  /** The busy timer `hasBusyTimers()` found last (checked first next time). */
  private lastBusy: Timer | undefined;

  constructor(startMs: number = SIM_EPOCH_MS) {
    this.t = Math.round(startMs);
  }

  /** Virtual time in milliseconds since the Unix epoch. */
  now(): number {
    return this.t;
  }

  /** Current virtual time as RFC 3339 with second precision, as the API server writes timestamps. */
  nowIso(): string {
    return toRfc3339(this.t);
  }

  /** Runs `fn` once, `delayMs` (≥ 0) of virtual time from now. */
  schedule(delayMs: number, fn: () => void, opts: ScheduleOptions = {}): TimerHandle {
    const timer: Timer = {
      id: this.nextSeq,
      due: this.t + wholeMs(delayMs),
      seq: this.nextSeq++,
      fn,
      label: opts.label,
      idle: opts.idle,
      cancelled: false,
    };
    this.push(timer);
    this.live++;
    if (!timer.idle) this.plain++;
    return {
      id: timer.id,
      cancel: () => {
        if (!timer.cancelled) {
          timer.cancelled = true;
          this.live--;
          if (!timer.idle) this.plain--;
        }
      },
    };
  }

  /** Runs every timer already due (including ones they schedule for "now"). Returns how many ran. */
  runDue(): number {
    let ran = 0;
    for (;;) {
      const top = this.peekLive();
      if (!top || top.due > this.t) return ran;
      this.fire(top);
      ran++;
    }
  }

  /** Moves time forward by `ms`, firing timers in order at their own due times. */
  advance(ms: number): void {
    const target = this.t + wholeMs(ms);
    for (;;) {
      this.runDue();
      const top = this.peekLive();
      if (!top || top.due > target) break;
      this.t = top.due;
    }
    this.t = target;
    this.runDue();
  }

  /** Jumps to the earliest pending timer and runs everything due then. False if nothing is pending. */
  runNext(): boolean {
    const top = this.peekLive();
    if (!top) return false;
    if (top.due > this.t) this.t = top.due;
    this.runDue();
    return true;
  }

  /** Due time of the earliest pending timer. */
  nextDue(): number | undefined {
    return this.peekLive()?.due;
  }

  /** Number of timers not yet fired or cancelled. */
  pendingCount(): number {
    return this.live;
  }

  /** True when at least one pending timer is real work (not an idle retry). */
  hasBusyTimers(): boolean {
    if (this.plain > 0) return true;
    // settle() asks after every round; the timer found busy last time usually still is, and the
    // heap may hold hundreds of idle retries (1,000 Services at a limit) to walk past otherwise.
    const last = this.lastBusy;
    if (last && !last.cancelled && !last.idle?.()) return true;
    for (const timer of this.heap) {
      if (!timer.cancelled && !timer.idle?.()) {
        this.lastBusy = timer;
        return true;
      }
    }
    this.lastBusy = undefined;
    return false;
  }

  /** Snapshot of pending timers in firing order. */
  pendingTimers(): PendingTimer[] {
    return this.heap
      .filter((x) => !x.cancelled)
      .sort(compare)
      .map((x) => ({ id: x.id, due: x.due, label: x.label, idle: !!x.idle?.() }));
  }

  private fire(timer: Timer): void {
    this.pop();
    timer.cancelled = true;
    this.live--;
    if (!timer.idle) this.plain--;
    timer.fn();
  }

  private peekLive(): Timer | undefined {
    while (this.heap.length > 0 && this.heap[0].cancelled) this.pop();
    return this.heap[0];
  }

  private push(timer: Timer): void {
    const h = this.heap;
    h.push(timer);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (compare(h[p], h[i]) <= 0) break;
      [h[p], h[i]] = [h[i], h[p]];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop()!;
    if (h.length === 0) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && compare(h[l], h[m]) < 0) m = l;
      if (r < h.length && compare(h[r], h[m]) < 0) m = r;
      if (m === i) return;
      [h[m], h[i]] = [h[i], h[m]];
      i = m;
    }
  }
}

/**
 * Virtual time stays a whole number of milliseconds (Event names are built from it with BigInt,
 * which rejects fractions): any finite delay is rounded, negative / NaN / ±Infinity count as 0.
 */
export function wholeMs(ms: number): number {
  return Number.isFinite(ms) && ms > 0 ? Math.round(ms) : 0;
}

function compare(a: Timer, b: Timer): number {
  return a.due - b.due || a.seq - b.seq;
}

/** `2025-06-02T09:00:00Z` — seconds precision, UTC, like metav1.Time. */
export function toRfc3339(ms: number): string {
  const sec = Math.floor(ms / 1000);
  // Called for every object write and Event; virtual time often stands still between calls.
  if (sec !== lastSec) {
    lastSec = sec;
    lastText = new Date(sec * 1000).toISOString().replace('.000Z', 'Z');
  }
  return lastText;
}
let lastSec = NaN;
let lastText = '';

/** Parses an RFC 3339 timestamp back to milliseconds (for ages in printers). */
export function fromRfc3339(s: string): number {
  return Date.parse(s);
}
