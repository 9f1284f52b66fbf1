import type { Engine } from './engine.js';
import { addEvent } from './intake.js';
import type { LeadState, OutcomeSummary } from './states.js';

/**
 * What the operator CLI (`npm run leads`) does to the ledger. Every change is one transaction with
 * its event (actor `operator`), so the audit trail shows who moved a lead and when.
 */

export interface LeadSummary {
  readonly id: string;
  readonly state: LeadState;
  readonly destination: string;
  readonly attempts: number;
  readonly receivedAt: Date;
  readonly updatedAt: Date;
  readonly nextAttemptAt: Date | null;
  readonly outcome: OutcomeSummary | null;
}

export interface LeadEventRow {
  readonly at: Date;
  readonly state: LeadState;
  readonly actor: string;
  readonly attempt: number | null;
  readonly outcome: OutcomeSummary | null;
  readonly note: string | null;
}

/** One consent-evidence record per lead, as `export` prints it. */
export interface EvidenceExport {
  readonly leadId: string;
  readonly destination: string;
  readonly state: LeadState;
  readonly receivedAt: Date;
  readonly settledAt: Date | null;
  readonly destinationId: string | null;
  readonly consent: {
    readonly text: string;
    readonly sha256: string;
    readonly sellers: readonly string[];
    readonly version: string | null;
    readonly checkedAt: string | null;
    readonly submittedAt: string | null;
    readonly pageUrl: string | null;
  } | null;
  readonly clientIp: string | null;
  readonly userAgent: string | null;
  readonly trustedformCertUrl: string | null;
  /** What TrustedForm answered when the relay claimed the certificate (expiry, masked certificate, match, page scan). */
  readonly trustedformClaim: Readonly<Record<string, unknown>> | null;
  /** The last and first touch the lead came with (UTM parameters, click ids, referrer, landing page). */
  readonly tracking: Readonly<Record<string, string>> | null;
  readonly firstTouch: Readonly<Record<string, string>> | null;
  readonly jornayaLeadId: string | null;
  readonly phones: readonly string[];
  readonly email: string | null;
}

const SUMMARY_COLUMNS = `id, state, destination, attempts, received_at, updated_at, next_attempt_at, outcome`;

function toSummary(row: Record<string, unknown>): LeadSummary {
  return {
    id: row['id'] as string,
    state: row['state'] as LeadState,
    destination: row['destination'] as string,
    attempts: row['attempts'] as number,
    receivedAt: row['received_at'] as Date,
    updatedAt: row['updated_at'] as Date,
    nextAttemptAt: (row['next_attempt_at'] as Date | null) ?? null,
    outcome: (row['outcome'] as OutcomeSummary | null) ?? null,
  };
}

/** A lead named by its id or by an unambiguous prefix of at least 8 characters (what `list` shows). */
export class LeadNotFoundError extends Error {}

async function resolveId(engine: Engine, idOrPrefix: string): Promise<string> {
  const wanted = idOrPrefix.trim().toLowerCase();
  if (!/^[0-9a-f-]{8,36}$/.test(wanted)) throw new LeadNotFoundError(`"${idOrPrefix}" is not a lead id (list shows them)`);
  const rows = await engine.query<{ id: string }>(`SELECT id FROM ledger_leads WHERE id::text LIKE $1 LIMIT 2`, [`${wanted}%`]);
  if (rows.length === 0) throw new LeadNotFoundError(`no lead ${idOrPrefix}`);
  if (rows.length > 1) throw new LeadNotFoundError(`${idOrPrefix} names several leads: give more of the id`);
  return rows[0]!.id;
}

export async function listLeads(engine: Engine, filter: { state?: LeadState; limit?: number } = {}): Promise<LeadSummary[]> {
  const rows = await engine.query(
    `SELECT ${SUMMARY_COLUMNS} FROM ledger_leads WHERE ($1::text IS NULL OR state = $1) ORDER BY received_at DESC, id LIMIT $2`,
    [filter.state ?? null, filter.limit ?? 100],
  );
  return rows.map(toSummary);
}

export async function showLead(engine: Engine, idOrPrefix: string): Promise<{ lead: LeadSummary; events: LeadEventRow[] }> {
  const id = await resolveId(engine, idOrPrefix);
  const [row] = await engine.query(`SELECT ${SUMMARY_COLUMNS} FROM ledger_leads WHERE id = $1`, [id]);
  const events = await engine.query<LeadEventRow & Record<string, unknown>>(
    `SELECT at, state, actor, attempt, outcome, note FROM ledger_events WHERE lead_id = $1 ORDER BY id`,
    [id],
  );
  return { lead: toSummary(row!), events };
}

/** An operator action the lead's state does not allow, said as a sentence. */
export class OperatorRefusal extends Error {}

async function move(engine: Engine, idOrPrefix: string, from: readonly LeadState[], to: LeadState, now: Date, note: string, extra: string): Promise<LeadSummary> {
  const id = await resolveId(engine, idOrPrefix);
  return engine.transaction(async (tx) => {
    const [current] = await tx.query<{ state: LeadState; envelope_kept: boolean }>(
      `SELECT state, envelope IS NOT NULL AS envelope_kept FROM ledger_leads WHERE id = $1 FOR UPDATE`,
      [id],
    );
    if (!current || !from.includes(current.state)) {
      throw new OperatorRefusal(`lead ${id} is ${current?.state ?? 'gone'}: only ${from.join(' or ')} leads can be moved to ${to}`);
    }
    if (to === 'queued' && !current.envelope_kept) throw new OperatorRefusal(`lead ${id} cannot be sent again: retention erased its data`);
    const [row] = await tx.query(`UPDATE ledger_leads SET state = $2, updated_at = $3, ${extra} WHERE id = $1 RETURNING ${SUMMARY_COLUMNS}`, [
      id,
      to,
      now.toISOString(),
    ]);
    await addEvent(tx, id, now, { state: to, actor: 'operator', note });
    return toSummary(row!);
  });
}

/** `retry ID`: an uncertain or failed lead is sent again by the next worker pass. */
export function retryLead(engine: Engine, idOrPrefix: string, now: Date): Promise<LeadSummary> {
  return move(engine, idOrPrefix, ['uncertain', 'failed'], 'queued', now, 'operator asked for another try', 'next_attempt_at = $3, settled_at = NULL');
}

/** `resolve ID delivered|failed`: an uncertain lead, after the operator checked the destination. */
export function resolveLead(engine: Engine, idOrPrefix: string, resolution: 'delivered' | 'failed', now: Date): Promise<LeadSummary> {
  return move(engine, idOrPrefix, ['uncertain'], resolution, now, `operator checked the destination: ${resolution}`, 'next_attempt_at = NULL, settled_at = $3');
}

/** `export`: the consent evidence of every lead received since `since` (all when undefined), oldest first. */
export async function exportEvidence(engine: Engine, since: Date | undefined): Promise<EvidenceExport[]> {
  const rows = await engine.query(
    `SELECT l.id, l.destination, l.state, l.received_at, l.settled_at, l.outcome, c.text, c.sha256, c.sellers, c.version, c.checked_at, c.submitted_at, c.page_url,
            c.client_ip, c.user_agent, c.trustedform_cert_url, c.jornaya_lead_id, c.phones, c.email, c.tracking, c.first_touch, l.trustedform_claim
       FROM ledger_leads l LEFT JOIN ledger_consent c ON c.lead_id = l.id
      WHERE ($1::timestamptz IS NULL OR l.received_at >= $1)
      ORDER BY l.received_at, l.id`,
    [since?.toISOString() ?? null],
  );
  return rows.map((row) => ({
    leadId: row['id'] as string,
    destination: row['destination'] as string,
    state: row['state'] as LeadState,
    receivedAt: row['received_at'] as Date,
    settledAt: (row['settled_at'] as Date | null) ?? null,
    destinationId: (row['outcome'] as OutcomeSummary | null)?.destinationId ?? null,
    consent:
      row['sha256'] === null || row['sha256'] === undefined
        ? null
        : {
            text: row['text'] as string,
            sha256: row['sha256'] as string,
            sellers: row['sellers'] as string[],
            version: (row['version'] as string | null) ?? null,
            checkedAt: (row['checked_at'] as string | null) ?? null,
            submittedAt: (row['submitted_at'] as string | null) ?? null,
            pageUrl: (row['page_url'] as string | null) ?? null,
          },
    clientIp: (row['client_ip'] as string | null) ?? null,
    userAgent: (row['user_agent'] as string | null) ?? null,
    trustedformCertUrl: (row['trustedform_cert_url'] as string | null) ?? null,
    trustedformClaim: (row['trustedform_claim'] as Record<string, unknown> | null) ?? null,
    tracking: (row['tracking'] as Record<string, string> | null) ?? null,
    firstTouch: (row['first_touch'] as Record<string, string> | null) ?? null,
    jornayaLeadId: (row['jornaya_lead_id'] as string | null) ?? null,
    phones: (row['phones'] as string[] | null) ?? [],
    email: (row['email'] as string | null) ?? null,
  }));
}
