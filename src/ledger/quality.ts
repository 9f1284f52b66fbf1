import type { LeadEnvelope } from '../adapters/lead.js';
import type { Engine, Queryable } from './engine.js';
import type { MatchKind } from './match-keys.js';

/**
 * The ledger's side of lead quality (issue 20): the keyed hashes a duplicate window compares, and
 * the suppression list. Values arrive here already hashed (match-keys.ts); nothing plain is stored.
 */

/** Keeps a lead's compared digests, for later leads' duplicate windows. */
export async function recordMatchKeys(db: Queryable, leadId: string, destination: string, digests: readonly string[]): Promise<void> {
  if (digests.length === 0) return;
  await db.query(
    `INSERT INTO ledger_match_keys (lead_id, destination, digest) SELECT $1, $2, digest FROM unnest($3::text[]) AS digest ON CONFLICT DO NOTHING`,
    [leadId, destination, digests],
  );
}

/**
 * The earlier lead, delivered to `destination` since `since`, that shares any of `digests`; undefined
 * when there is none. Leads still on their way (queued, delivering) do not count: only what the
 * destination has.
 */
export async function findDeliveredMatch(engine: Engine, destination: string, digests: readonly string[], since: Date, except: string): Promise<string | undefined> {
  if (digests.length === 0) return undefined;
  const [row] = await engine.query<{ id: string }>(
    `SELECT l.id FROM ledger_match_keys m JOIN ledger_leads l ON l.id = m.lead_id
      WHERE m.destination = $1 AND m.digest = ANY($2::text[]) AND l.id <> $4 AND l.state = 'delivered' AND l.received_at >= $3
      ORDER BY l.received_at DESC LIMIT 1`,
    [destination, digests, since.toISOString(), except],
  );
  return row?.id;
}

/** Keeps what TrustedForm answered to the claim of a lead's certificate (no personal data in it). */
export async function recordTrustedFormClaim(engine: Engine, leadId: string, claim: Readonly<Record<string, unknown>>): Promise<void> {
  await engine.query(`UPDATE ledger_leads SET trustedform_claim = $2::jsonb WHERE id = $1`, [leadId, JSON.stringify(claim)]);
}

/** The ledger's lead of a destination's idempotency key, with what it holds of the envelope (null once erased). */
export async function leadByKey(engine: Engine, destination: string, key: string): Promise<{ id: string; envelope: LeadEnvelope | null } | undefined> {
  const [row] = await engine.query<{ id: string; envelope: LeadEnvelope | null }>(
    `SELECT id, envelope FROM ledger_leads WHERE destination = $1 AND idempotency_key = $2`,
    [destination, key],
  );
  return row;
}

/**
 * The ledger's lead of a destination's idempotency key, with only the mobile number it was received
 * with (null when it had none, or once retention erased the lead): what tells the same person back
 * from another who typed the same email (the relay's ownLead). Nothing is copied out of the lead.
 */
export async function leadMobileByKey(engine: Engine, destination: string, key: string): Promise<{ id: string; mobile: string | null } | undefined> {
  const [row] = await engine.query<{ id: string; mobile: string | null }>(
    `SELECT id, envelope->'lead'->>'mobile' AS mobile FROM ledger_leads WHERE destination = $1 AND idempotency_key = $2`,
    [destination, key],
  );
  return row;
}

/** Whether the lead's certificate was claimed already (a claim answered `claimed` or `refused`). */
export async function trustedFormClaimed(engine: Engine, leadId: string): Promise<boolean> {
  const [row] = await engine.query<{ claimed: boolean }>(`SELECT trustedform_claim IS NOT NULL AS claimed FROM ledger_leads WHERE id = $1`, [leadId]);
  return row?.claimed === true;
}

/** Whether any of `digests` is on the suppression list. */
export async function isSuppressed(engine: Engine, digests: readonly string[]): Promise<boolean> {
  if (digests.length === 0) return false;
  const rows = await engine.query(`SELECT 1 FROM ledger_suppressions WHERE digest = ANY($1::text[]) LIMIT 1`, [digests]);
  return rows.length > 0;
}

export interface SuppressionEntry {
  readonly kind: MatchKind;
  readonly digest: string;
}

/** Adds entries; answers how many were new. `source` says where they came from (a file name, "cli"). */
export async function addSuppressions(engine: Engine, entries: readonly SuppressionEntry[], source: string, now: Date): Promise<number> {
  if (entries.length === 0) return 0;
  const rows = await engine.query(
    `INSERT INTO ledger_suppressions (digest, kind, added_at, source)
     SELECT digest, kind, $3, $4 FROM unnest($1::text[], $2::text[]) AS entry (digest, kind)
     ON CONFLICT (digest) DO NOTHING RETURNING digest`,
    [entries.map((entry) => entry.digest), entries.map((entry) => entry.kind), now.toISOString(), source],
  );
  return rows.length;
}

/** Removes entries; answers how many were there. */
export async function removeSuppressions(engine: Engine, digests: readonly string[]): Promise<number> {
  if (digests.length === 0) return 0;
  return (await engine.query(`DELETE FROM ledger_suppressions WHERE digest = ANY($1::text[]) RETURNING digest`, [digests])).length;
}

export interface SuppressionSummary {
  readonly kind: MatchKind;
  readonly source: string | null;
  readonly count: number;
  readonly lastAdded: Date;
}

/** What the list holds, by kind and source (the values themselves cannot be listed: only their hashes are kept). */
export async function summariseSuppressions(engine: Engine): Promise<SuppressionSummary[]> {
  const rows = await engine.query<{ kind: MatchKind; source: string | null; count: number | string; last_added: Date | string }>(
    `SELECT kind, source, count(*) AS count, max(added_at) AS last_added FROM ledger_suppressions GROUP BY kind, source ORDER BY kind, source`,
  );
  return rows.map((row) => ({ kind: row.kind, source: row.source, count: Number(row.count), lastAdded: new Date(row.last_added) }));
}
