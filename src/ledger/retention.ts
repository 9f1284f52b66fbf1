import type { Engine } from './engine.js';
import type { RetentionSettings } from './settings.js';

const DAY_MS = 86_400_000;

export interface PurgeReport {
  /** Leads whose personal data was erased (`leadDays` after they settled). */
  readonly erased: number;
  /** Leads removed with their consent evidence and events (`consentDays` after they arrived). */
  readonly deleted: number;
}

/**
 * Applies retention (DESIGN.md, "Consent evidence and retention"): a settled lead's personal data is
 * erased `leadDays` after it settled, keeping its state, times and events; the consent evidence, and
 * with it everything else of the lead, goes `consentDays` after the lead arrived. Leads waiting for an
 * operator (`uncertain`) or still being delivered keep their data. Old rate-limit windows go too.
 */
export async function purge(engine: Engine, retention: RetentionSettings, now: Date): Promise<PurgeReport> {
  const leadCutoff = new Date(now.getTime() - retention.leadDays * DAY_MS).toISOString();
  const consentCutoff = new Date(now.getTime() - retention.consentDays * DAY_MS).toISOString();
  return engine.transaction(async (tx) => {
    const erased = await tx.query(
      `UPDATE ledger_leads SET envelope = NULL, erased_at = $2 WHERE envelope IS NOT NULL AND settled_at IS NOT NULL AND settled_at <= $1 RETURNING id`,
      [leadCutoff, now.toISOString()],
    );
    // A duplicate window's keyed hashes go with the personal data they stand for.
    await tx.query(`DELETE FROM ledger_match_keys WHERE lead_id IN (SELECT id FROM ledger_leads WHERE erased_at IS NOT NULL)`);
    const deleted = await tx.query(`DELETE FROM ledger_leads WHERE received_at <= $1 RETURNING id`, [consentCutoff]);
    // Keys of later steps that name no lead keep nothing personal; they go with the leads' data.
    await tx.query(`DELETE FROM ledger_idempotency WHERE lead_id IS NULL AND created_at <= $1`, [leadCutoff]);
    await tx.query(`DELETE FROM ledger_rate_windows WHERE window_start < $1`, [Math.floor((now.getTime() - DAY_MS) / 1000)]);
    return { erased: erased.length, deleted: deleted.length };
  });
}
