import type { LeadEnvelope } from '../adapters/lead.js';
import type { Engine } from './engine.js';
import { addEvent } from './intake.js';

/** A lead claimed by a worker for one try. */
export interface ClaimedLead {
  readonly id: string;
  readonly destination: string;
  readonly idempotencyKey: string;
  readonly envelope: LeadEnvelope;
  /** Tries so far, this one included. */
  readonly attempts: number;
  readonly receivedAt: Date;
  readonly claimToken: string;
  /**
   * The lead was `delivering` under a claim that outlived its lease: the instance holding it died
   * mid-call, so the destination may have it (DESIGN.md: such a claim counts as maybe delivered).
   */
  readonly takenOver: boolean;
}

interface ClaimRow extends Record<string, unknown> {
  id: string;
  destination: string;
  idempotency_key: string;
  envelope: LeadEnvelope;
  attempts: number;
  received_at: Date;
  claim_token: string;
  was: string;
}

/**
 * Claims up to `limit` leads that are due: queued ones whose time has come, and claims abandoned past
 * their lease. `FOR UPDATE SKIP LOCKED` lets every instance's worker claim at once without waiting
 * on, or taking, another's rows; the claim (token and `claimedUntil`) is committed before any call.
 */
export async function claimDue(engine: Engine, now: Date, claimedUntil: Date, limit: number): Promise<ClaimedLead[]> {
  return engine.transaction(async (tx) => {
    const rows = await tx.query<ClaimRow>(
      `WITH due AS (
         SELECT id, state AS was FROM ledger_leads
          WHERE envelope IS NOT NULL
            AND ((state = 'queued' AND next_attempt_at <= $1) OR (state = 'delivering' AND claimed_until <= $1))
          ORDER BY COALESCE(next_attempt_at, claimed_until)
          LIMIT $3
          FOR UPDATE SKIP LOCKED)
       UPDATE ledger_leads l
          SET state = 'delivering', attempts = l.attempts + 1, claim_token = gen_random_uuid(), claimed_until = $2,
              next_attempt_at = NULL, updated_at = $1
         FROM due WHERE l.id = due.id
       RETURNING l.id, l.destination, l.idempotency_key, l.envelope, l.attempts, l.received_at, l.claim_token, due.was`,
      [now.toISOString(), claimedUntil.toISOString(), limit],
    );
    for (const row of rows) {
      await addEvent(tx, row.id, now, {
        state: 'delivering',
        actor: 'worker',
        attempt: row.attempts,
        ...(row.was === 'delivering' ? { note: 'took over a claim abandoned mid-delivery' } : {}),
      });
    }
    return rows.map((row) => ({
      id: row.id,
      destination: row.destination,
      idempotencyKey: row.idempotency_key,
      envelope: row.envelope,
      attempts: row.attempts,
      receivedAt: row.received_at,
      claimToken: row.claim_token,
      takenOver: row.was === 'delivering',
    }));
  });
}
