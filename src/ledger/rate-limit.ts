import type { Engine } from './engine.js';

/**
 * The relay's fixed-window rate limit counted in the ledger, so every instance on one PostgreSQL
 * shares one count per client: at most `max` requests in each window of `windowSeconds`. The
 * counter is one upsert; old windows are swept by retention.
 */
export class SharedRateLimiter {
  constructor(
    private readonly engine: Engine,
    private readonly max: number,
    private readonly windowSeconds: number,
  ) {}

  /** Counts one request; answers how many seconds to wait, or 0 when it may go ahead. */
  async take(client: string, nowMs: number): Promise<number> {
    const windowMs = this.windowSeconds * 1000;
    const windowStart = Math.floor(nowMs / windowMs) * this.windowSeconds;
    const [row] = await this.engine.query<{ count: number }>(
      `INSERT INTO ledger_rate_windows (bucket, window_start, count) VALUES ($1, $2, 1)
       ON CONFLICT (bucket, window_start) DO UPDATE SET count = ledger_rate_windows.count + 1 RETURNING count`,
      [`${this.windowSeconds}:${client}`, windowStart],
    );
    if ((row?.count ?? 0) <= this.max) return 0;
    return Math.max(1, Math.ceil((windowStart * 1000 + windowMs - nowMs) / 1000));
  }
}
