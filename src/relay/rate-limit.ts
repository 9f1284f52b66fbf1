/**
 * A fixed-window counter per client: at most `max` requests in each window of `windowSeconds`.
 * Hono ships no rate limiter; this one is small and in memory, which suits one instance; put a
 * shared limiter in front of a fleet. Bounded twice (issue 11): each new window starts empty, and
 * within one window at most `maxClients` are counted — beyond that the client counted longest ago
 * is forgotten (its count restarts) rather than anyone new being refused.
 */
export class FixedWindowLimiter {
  readonly #counts = new Map<string, number>();
  #window = -1;

  constructor(
    private readonly max: number,
    private readonly windowSeconds: number,
    private readonly maxClients = 50_000,
  ) {}

  /** How many clients are counted in the current window. */
  get size(): number {
    return this.#counts.size;
  }

  /** Counts one request; answers how many seconds to wait, or 0 when it may go ahead. */
  take(client: string, nowMs: number): number {
    const window = Math.floor(nowMs / (this.windowSeconds * 1000));
    if (window !== this.#window) {
      this.#window = window;
      this.#counts.clear();
    }
    const count = (this.#counts.get(client) ?? 0) + 1;
    this.#counts.set(client, count);
    if (this.#counts.size > this.maxClients) {
      const oldest = this.#counts.keys().next();
      if (!oldest.done) this.#counts.delete(oldest.value);
    }
    if (count <= this.max) return 0;
    return Math.max(1, Math.ceil(((window + 1) * this.windowSeconds * 1000 - nowMs) / 1000));
  }
}
