/**
 * A controller's work queue (client-go workqueue semantics): keys are de-duplicated, one worker
 * processes them in order, a failed key is retried with per-key exponential backoff
 * (5 s → 300 s, the service controller's numbers).
 *
 * Idleness, for `settle()`: a retry whose failure happened at the current world version is
 * "idle" — nothing has changed that could make it succeed. That holds for the retry's timer, and
 * also for the retry's run once it is queued or in flight: the worker's timers are idle while
 * every key it holds is such a retry. Without that, hundreds of Services failing at a limit keep
 * the single worker permanently busy re-running them, and settle never ends (issue 15).
 */
import type { VirtualClock } from '../clock';
import { type Flow, runFlow } from '../flow';

/**
 * Throttling (429) is retried even if nothing changed: the window moves on. But when a key has
 * failed this many times in a row with no write anywhere in between, nothing is getting
 * through, and its retries count as idle too (a lesson's `writesPerWindow: 0`).
 */
export const TRANSIENT_IDLE_AFTER = 3;

export interface QueueOptions {
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Errors that should be retried even if nothing changed (throttling, timeouts). */
  isTransient?: (err: unknown) => boolean;
  /** Explicit retry delay for an error (429 Retry-After), else backoff. */
  retryAfterMs?: (err: unknown) => number | undefined;
  onError?: (key: string, err: unknown) => void;
}

export class WorkQueue {
  private queue: string[] = [];
  private queued = new Set<string>();
  private inFlight: string | undefined;
  private dirtyWhileRunning = new Set<string>();
  private failures = new Map<string, number>();
  private retryTimers = new Map<string, { cancel(): void }>();
  private kicked = false;
  /** Queued or in-flight keys that are idle retries, all of a failure at world version `idleVersion`. */
  private idleKeys = new Set<string>();
  private idleVersion = -1;
  /** Failures of a key in a row with the world at one version. */
  private unchangedFailures = new Map<string, { version: number; count: number }>();
  /** Shared by the worker's timers: idle while it only re-runs idle retries. */
  private readonly workIdle = (): boolean => this.onlyIdleWork();

  constructor(
    readonly name: string,
    private readonly clock: VirtualClock,
    private readonly worldVersion: () => number,
    private readonly sync: (key: string) => Flow<void>,
    private readonly opts: QueueOptions = {},
  ) {}

  /** Adds a key (after `delayMs`); duplicates collapse. Cancels a pending backoff retry. */
  enqueue(key: string, delayMs = 0): void {
    if (delayMs > 0) {
      this.clock.schedule(delayMs, () => this.enqueue(key), { label: `${this.name}:${key}` });
      return;
    }
    this.add(key, undefined);
  }

  /** Number of consecutive failures of a key (0 after a success). */
  failureCount(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  /** Keys whose last attempt failed (after settle(): the ones waiting for a change), in key order. */
  failingKeys(): string[] {
    return [...this.failures.keys()].sort();
  }

  get busy(): boolean {
    return this.inFlight !== undefined || this.queue.length > 0;
  }

  /** True when the worker holds nothing but retries of failures the world has not changed since. */
  onlyIdleWork(): boolean {
    const held = this.queued.size + (this.inFlight !== undefined ? 1 : 0);
    return held === this.idleKeys.size && this.worldVersion() === this.idleVersion;
  }

  /** `idleAt`: the world version of the failure when this is an idle retry, else undefined (real work). */
  private add(key: string, idleAt: number | undefined): void {
    this.retryTimers.get(key)?.cancel();
    this.retryTimers.delete(key);
    if (idleAt === undefined) this.idleKeys.delete(key);
    else {
      // Idle keys of an older version are real work now: the world changed since they failed.
      if (idleAt !== this.idleVersion) this.idleKeys.clear();
      this.idleVersion = idleAt;
      if (!this.queued.has(key) && key !== this.inFlight) this.idleKeys.add(key);
    }
    if (key === this.inFlight) {
      this.dirtyWhileRunning.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.kick();
  }

  private kick(): void {
    if (this.kicked || this.inFlight !== undefined) return;
    this.kicked = true;
    this.clock.schedule(
      0,
      () => {
        this.kicked = false;
        this.next();
      },
      { label: `${this.name}:worker`, idle: this.workIdle },
    );
  }

  private next(): void {
    if (this.inFlight !== undefined) return;
    const key = this.queue.shift();
    if (key === undefined) return;
    this.queued.delete(key);
    this.inFlight = key;
    runFlow(
      this.clock,
      this.sync(key),
      () => this.finish(key, undefined),
      (err) => this.finish(key, err ?? new Error('unknown error')),
      `${this.name}:${key}`,
      this.workIdle,
    );
  }

  private finish(key: string, err: unknown): void {
    this.inFlight = undefined;
    this.idleKeys.delete(key);
    if (err === undefined) {
      this.failures.delete(key);
      this.unchangedFailures.delete(key);
    } else {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      this.opts.onError?.(key, err);
      const base = this.opts.baseDelayMs ?? 5000;
      const max = this.opts.maxDelayMs ?? 300_000;
      const delay = this.opts.retryAfterMs?.(err) ?? Math.min(max, base * 2 ** (n - 1));
      const version = this.worldVersion();
      const transient = this.opts.isTransient?.(err) ?? false;
      // Any failure counts towards the streak: a key whose throttled attempts alternate with a
      // quota error (the attempt that got through the throttle) is just as stuck.
      const streak = this.unchangedFailures.get(key);
      const count = streak?.version === version ? streak.count + 1 : 1;
      this.unchangedFailures.set(key, { version, count });
      const hopeless = !transient || count >= TRANSIENT_IDLE_AFTER;
      const idle = hopeless ? () => this.worldVersion() === version : undefined;
      if (!this.dirtyWhileRunning.has(key)) {
        const timer = this.clock.schedule(
          delay,
          () => {
            this.retryTimers.delete(key);
            this.add(key, idle?.() ? version : undefined);
          },
          { label: `${this.name}:retry:${key}`, idle },
        );
        this.retryTimers.set(key, timer);
      }
    }
    if (this.dirtyWhileRunning.delete(key)) this.add(key, undefined);
    if (this.queue.length) this.kick();
  }
}
