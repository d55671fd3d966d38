/**
 * A controller's work queue (client-go workqueue semantics): keys are de-duplicated, one worker
 * processes them in order, a failed key is retried with per-key exponential backoff
 * (5 s → 300 s, the service controller's numbers). A retry whose failure happened at the current
 * world version is "idle": nothing has changed that could make it succeed, so `settle()` may stop.
 */
import type { VirtualClock } from '../clock';
import { runFlow, type Flow } from '../flow';

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
    this.retryTimers.get(key)?.cancel();
    this.retryTimers.delete(key);
    if (key === this.inFlight) {
      this.dirtyWhileRunning.add(key);
      return;
    }
    if (this.queued.has(key)) return;
    this.queued.add(key);
    this.queue.push(key);
    this.kick();
  }

  /** Number of consecutive failures of a key (0 after a success). */
  failureCount(key: string): number {
    return this.failures.get(key) ?? 0;
  }

  get busy(): boolean {
    return this.inFlight !== undefined || this.queue.length > 0;
  }

  private kick(): void {
    if (this.kicked || this.inFlight !== undefined) return;
    this.kicked = true;
    this.clock.schedule(0, () => {
      this.kicked = false;
      this.next();
    }, { label: `${this.name}:worker` });
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
    );
  }

  private finish(key: string, err: unknown): void {
    this.inFlight = undefined;
    if (err === undefined) {
      this.failures.delete(key);
    } else {
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      this.opts.onError?.(key, err);
      const base = this.opts.baseDelayMs ?? 5000;
      const max = this.opts.maxDelayMs ?? 300_000;
      const delay = this.opts.retryAfterMs?.(err) ?? Math.min(max, base * 2 ** (n - 1));
      const version = this.worldVersion();
      const transient = this.opts.isTransient?.(err) ?? false;
      if (!this.dirtyWhileRunning.has(key)) {
        const timer = this.clock.schedule(
          delay,
          () => {
            this.retryTimers.delete(key);
            this.enqueue(key);
          },
          { label: `${this.name}:retry:${key}`, idle: transient ? undefined : () => this.worldVersion() === version },
        );
        this.retryTimers.set(key, timer);
      }
    }
    if (this.dirtyWhileRunning.delete(key)) this.enqueue(key);
    if (this.queue.length) this.kick();
  }
}
