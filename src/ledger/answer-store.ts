import type { Engine } from './engine.js';

/** An answer remembered by key, as the relay's `IdempotencyStore` (src/relay/idempotency.ts) keeps it. */
export interface RememberedAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly requestHash: string;
}

/**
 * The relay's answer memory in the ledger's `ledger_idempotency` table (scope `answer`), for steps
 * that keep no lead of their own (the submit step): every instance, and every restart, finds the
 * first answer. Rows go with retention (`leadDays`); `ttlSeconds` is left to the caller's own expiry
 * (a submit answer is only ever asked for while its signed id is valid).
 */
export class LedgerAnswerStore {
  constructor(
    private readonly engine: Engine,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async get(key: string): Promise<RememberedAnswer | undefined> {
    const [row] = await this.engine.query<{ answer_status: number; answer: unknown; request_hash: string }>(
      `SELECT answer_status, answer, request_hash FROM ledger_idempotency WHERE scope = 'answer' AND key = $1 AND answer_status IS NOT NULL`,
      [key],
    );
    return row ? { status: row.answer_status, body: row.answer, requestHash: row.request_hash } : undefined;
  }

  async set(key: string, answer: RememberedAnswer, _ttlSeconds: number): Promise<void> {
    const now = this.now().toISOString();
    await this.engine.query(
      `INSERT INTO ledger_idempotency (scope, key, request_hash, answer_status, answer, created_at, answered_at) VALUES ('answer', $1, $2, $3, $4::jsonb, $5, $5)
       ON CONFLICT (scope, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, answer_status = EXCLUDED.answer_status, answer = EXCLUDED.answer, answered_at = EXCLUDED.answered_at`,
      [key, answer.requestHash, answer.status, JSON.stringify(answer.body), now],
    );
  }
}
