import type { LeadEnvelope } from '../adapters/lead.js';
import type { Engine, Queryable } from './engine.js';
import type { ConsentEvidenceRecord } from './evidence.js';
import { SETTLED_STATES, type Decision, type LeadState, type OutcomeSummary } from './states.js';

/**
 * Idempotency in the database (DESIGN.md, "The lead ledger"): the request's key, the hash of its body
 * and the lead are written in one transaction *before* the destination is called; the primary key
 * `(scope, key)` decides a race between instances. The answer and the lead's new state are written
 * in a second transaction after the call. A repeated key finds the first answer, on any instance,
 * after any restart.
 */

/** The HTTP answer the relay gave for a key: replayed as it was to a repeated key. */
export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

/** One request with an idempotency key. `scope` separates the steps (`create:pingtree`, `submit:mlas`). */
export interface KeyedRequest {
  readonly scope: string;
  readonly key: string;
  readonly requestHash: string;
  readonly now: Date;
  /** The lead this request acts on, when it is a later step of one. */
  readonly leadId?: string;
}

/** A new lead, claimed for its synchronous try until `claimedUntil` (the destination's timeout plus the lease). */
export interface IncomingLead {
  readonly id: string;
  readonly destination: string;
  readonly envelope: LeadEnvelope;
  readonly evidence: ConsentEvidenceRecord | undefined;
  readonly claimToken: string;
  readonly claimedUntil: Date;
}

/** Where a pending key's lead stands, so a waiting request can tell a live try from an abandoned one. */
export interface LeadProgress {
  readonly state: LeadState;
  readonly claimedUntil: Date | null;
  readonly outcome: OutcomeSummary | null;
}

export type Receipt =
  /** First time this key is seen: the caller does the work, then calls `settle` or `answer`. */
  | { readonly kind: 'new' }
  /** Answered before: replay the answer. */
  | { readonly kind: 'answered'; readonly answer: StoredAnswer; readonly leadId: string | null }
  /** The key was first used with another body. */
  | { readonly kind: 'reused' }
  /** Another request with this key is still at work (here or on another instance). */
  | { readonly kind: 'pending'; readonly leadId: string | null; readonly lead: LeadProgress | null };

interface KeyRow extends Record<string, unknown> {
  request_hash: string;
  answer_status: number | null;
  answer: unknown;
  lead_id: string | null;
  state: LeadState | null;
  claimed_until: Date | null;
  outcome: OutcomeSummary | null;
}

/** What is known of a key already in the ledger, or undefined when it is not. */
export async function lookup(db: Queryable, scope: string, key: string, requestHash: string): Promise<Receipt | undefined> {
  const [row] = await db.query<KeyRow>(
    `SELECT i.request_hash, i.answer_status, i.answer, i.lead_id, l.state, l.claimed_until, l.outcome
       FROM ledger_idempotency i LEFT JOIN ledger_leads l ON l.id = i.lead_id
      WHERE i.scope = $1 AND i.key = $2`,
    [scope, key],
  );
  if (!row) return undefined;
  if (row.request_hash !== requestHash) return { kind: 'reused' };
  if (row.answer_status !== null) return { kind: 'answered', answer: { status: row.answer_status, body: row.answer }, leadId: row.lead_id };
  const lead = row.state === null ? null : { state: row.state, claimedUntil: row.claimed_until, outcome: row.outcome };
  return { kind: 'pending', leadId: row.lead_id, lead };
}

/** The consent evidence's columns after `lead_id`, in the order `consentValues` gives their values. */
const CONSENT_COLUMNS = [
  'text', 'sha256', 'sellers', 'version', 'checked_at', 'submitted_at', 'page_url', 'received_at',
  'client_ip', 'user_agent', 'trustedform_cert_url', 'jornaya_lead_id', 'phones', 'email', 'tracking', 'first_touch',
] as const;
const CONSENT_JSON_COLUMNS: ReadonlySet<string> = new Set(['sellers', 'phones', 'tracking', 'first_touch']);

/** `$from, $from+1, …` for the consent columns, cast where the column is JSON. */
function consentPlaceholders(from: number): string {
  return CONSENT_COLUMNS.map((column, index) => `$${from + index}${CONSENT_JSON_COLUMNS.has(column) ? '::jsonb' : ''}`).join(', ');
}

/** The consent evidence's values for CONSENT_COLUMNS; all null when the lead has none. */
function consentValues(evidence: ConsentEvidenceRecord | undefined): unknown[] {
  if (!evidence) return CONSENT_COLUMNS.map(() => null);
  return [
    evidence.text, evidence.sha256, JSON.stringify(evidence.sellers), evidence.version ?? null,
    evidence.checkedAt, evidence.submittedAt, evidence.pageUrl, evidence.receivedAt,
    evidence.clientIp ?? null, evidence.userAgent ?? null, evidence.trustedformCertUrl ?? null, evidence.jornayaLeadId ?? null,
    JSON.stringify(evidence.phones), evidence.email ?? null,
    evidence.tracking ? JSON.stringify(evidence.tracking) : null, evidence.firstTouch ? JSON.stringify(evidence.firstTouch) : null,
  ];
}

const INSERT_KEYED_LEAD = `WITH keyed AS (
   INSERT INTO ledger_idempotency (scope, key, request_hash, lead_id, created_at) VALUES ($1, $2, $3, $4, $5)
   ON CONFLICT (scope, key) DO NOTHING RETURNING lead_id
 ), leads AS (
   INSERT INTO ledger_leads (id, destination, idempotency_key, state, envelope, attempts, claim_token, claimed_until, received_at, updated_at)
   SELECT lead_id, $6, $2, 'delivering', $7::jsonb, 1, $8, $9, $5, $5 FROM keyed RETURNING id
 ), consent AS (
   INSERT INTO ledger_consent (lead_id, ${CONSENT_COLUMNS.join(', ')})
   SELECT id, ${consentPlaceholders(11)} FROM leads WHERE $10::boolean
 ), events AS (
   INSERT INTO ledger_events (lead_id, at, state, actor, attempt)
   SELECT id, $5, step.state, 'relay', step.attempt FROM leads, (VALUES ('received', NULL::integer), ('delivering', 1)) AS step (state, attempt)
 )
 SELECT count(*)::integer AS created FROM leads`;

/**
 * The key, the lead, its consent evidence and its first events in one statement: one round trip
 * (data-modifying CTEs share one snapshot and commit together), where a transaction of separate
 * inserts took six. Nothing but the key's row is written when the key exists already. Answers
 * whether the key was new.
 */
async function insertKeyedLead(engine: Engine, request: KeyedRequest, lead: IncomingLead, now: string): Promise<boolean> {
  const evidence = lead.evidence;
  const rows = await engine.query<{ created: number }>(
    INSERT_KEYED_LEAD,
    [
      request.scope, request.key, request.requestHash, lead.id, now,
      lead.destination, JSON.stringify(lead.envelope), lead.claimToken, lead.claimedUntil.toISOString(),
      evidence !== undefined,
      ...consentValues(evidence),
    ],
  );
  return (rows[0]?.created ?? 0) > 0;
}

const UPSERT_CONSENT = `INSERT INTO ledger_consent (lead_id, ${CONSENT_COLUMNS.join(', ')}) VALUES ($1, ${consentPlaceholders(2)})
  ON CONFLICT (lead_id) DO UPDATE SET ${CONSENT_COLUMNS.map((column) => `${column} = EXCLUDED.${column}`).join(', ')}`;

/**
 * A lead's consent evidence that came after the lead (the consent step of a destination with deferred
 * consent, sent with the submit step): kept as the first step's would be, in place of any record the
 * lead had, so the export lists the consent the destination got.
 */
export async function keepConsentEvidence(db: Queryable, leadId: string, evidence: ConsentEvidenceRecord): Promise<void> {
  await db.query(UPSERT_CONSENT, [leadId, ...consentValues(evidence)]);
}

/**
 * Records the key (and, for the first step, the lead with its consent evidence, claimed for the
 * synchronous try) in one transaction, or reports what the ledger already holds for the key.
 */
export async function receive(engine: Engine, request: KeyedRequest, lead?: IncomingLead): Promise<Receipt> {
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const now = request.now.toISOString();
    const created = lead
      ? await insertKeyedLead(engine, request, lead, now)
      : (
          await engine.query(
            `INSERT INTO ledger_idempotency (scope, key, request_hash, lead_id, created_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (scope, key) DO NOTHING RETURNING scope`,
            [request.scope, request.key, request.requestHash, request.leadId ?? null, now],
          )
        ).length > 0;
    if (created) return { kind: 'new' };
    const known = await lookup(engine, request.scope, request.key, request.requestHash);
    // Undefined only when the row was released between the two statements: try again.
    if (known) return known;
  }
  throw new Error(`ledger: the key of scope ${request.scope} kept changing while it was read`);
}

/** One row of the audit trail. */
export interface LeadEvent {
  readonly state: LeadState;
  readonly actor: 'relay' | 'worker' | 'operator';
  readonly attempt?: number;
  readonly outcome?: OutcomeSummary;
  readonly note?: string;
}

export async function addEvent(db: Queryable, leadId: string, at: Date, event: LeadEvent): Promise<void> {
  await db.query(`INSERT INTO ledger_events (lead_id, at, state, actor, attempt, outcome, note) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7)`, [
    leadId,
    at.toISOString(),
    event.state,
    event.actor,
    event.attempt ?? null,
    event.outcome === undefined ? null : JSON.stringify(event.outcome),
    event.note ?? null,
  ]);
}

/** Stores the answer of a key still pending (the first answer stays: a later one changes nothing). */
export async function answerKey(db: Queryable, scope: string, key: string, answer: StoredAnswer, now: Date): Promise<void> {
  await db.query(
    `UPDATE ledger_idempotency SET answer_status = $3, answer = $4::jsonb, answered_at = $5 WHERE scope = $1 AND key = $2 AND answer_status IS NULL`,
    [scope, key, answer.status, JSON.stringify(answer.body), now.toISOString()],
  );
}

/** Forgets a pending key whose work may be done again (a later step that failed before any effect). */
export async function releaseKey(engine: Engine, scope: string, key: string): Promise<void> {
  await engine.query(`DELETE FROM ledger_idempotency WHERE scope = $1 AND key = $2 AND answer_status IS NULL`, [scope, key]);
}

/** The outcome of one try of a claimed lead. */
export interface Settlement {
  readonly leadId: string;
  readonly claimToken: string;
  readonly decision: Decision;
  readonly outcome: OutcomeSummary;
  readonly attempt: number;
  readonly actor: 'relay' | 'worker';
  readonly now: Date;
  readonly note?: string;
  /** The key's answer, written in the same transaction (the synchronous try). */
  readonly answer?: { readonly scope: string; readonly key: string; readonly answer: StoredAnswer };
}

/**
 * Writes the try's outcome: the lead's new state, an event, and the key's answer, in one
 * transaction. Answers false when the claim was no longer ours (taken over after it outlived its
 * lease): the lead is then left as the new holder has it and the late outcome is only recorded.
 */
export async function settle(engine: Engine, settlement: Settlement): Promise<boolean> {
  const { decision, now } = settlement;
  const answer = settlement.answer;
  // One statement (one round trip, one commit): the lead's new state if this claim still holds it,
  // the event either way (a late answer says so), and the key's answer when there is one.
  const [row] = await engine.query<{ held: boolean }>(
    `WITH updated AS (
       UPDATE ledger_leads
          SET state = $2, outcome = $3::jsonb, next_attempt_at = $4, claim_token = NULL, claimed_until = NULL, updated_at = $5,
              settled_at = CASE WHEN $6::boolean THEN $5::timestamptz ELSE NULL END
        WHERE id = $1 AND claim_token = $7 RETURNING id
     ), event AS (
       INSERT INTO ledger_events (lead_id, at, state, actor, attempt, outcome, note)
       SELECT $1, $5, $2, $8, $9, $3::jsonb, CASE WHEN EXISTS (SELECT 1 FROM updated) THEN $10 ELSE $11 END
     ), answered AS (
       UPDATE ledger_idempotency SET answer_status = $14, answer = $15::jsonb, answered_at = $5
        WHERE $12::text IS NOT NULL AND scope = $12 AND key = $13 AND answer_status IS NULL
     )
     SELECT EXISTS (SELECT 1 FROM updated) AS held`,
    [
      settlement.leadId,
      decision.state,
      JSON.stringify(settlement.outcome),
      decision.nextAttemptAt?.toISOString() ?? null,
      now.toISOString(),
      SETTLED_STATES.includes(decision.state),
      settlement.claimToken,
      settlement.actor,
      settlement.attempt,
      settlement.note ?? null,
      'late answer: the claim had been taken over, the state was left as it was',
      answer?.scope ?? null,
      answer?.key ?? null,
      answer?.answer.status ?? null,
      answer ? JSON.stringify(answer.answer.body) : null,
    ],
  );
  return row?.held === true;
}

/**
 * Waits for the answer of a key another request is working on (here or on another instance), looking
 * every `pollMs` until `deadline`. Answers the key's receipt as it then stands: `answered`, or still
 * `pending` (the caller answers 409 `in_progress` with Retry-After and the browser retries).
 */
export async function awaitAnswer(
  engine: Engine,
  request: Pick<KeyedRequest, 'scope' | 'key' | 'requestHash'>,
  deadline: number,
  options: { readonly pollMs?: number; readonly clock?: () => number } = {},
): Promise<Receipt | undefined> {
  const pollMs = options.pollMs ?? 100;
  const clock = options.clock ?? Date.now;
  for (;;) {
    const receipt = await lookup(engine, request.scope, request.key, request.requestHash);
    if (receipt?.kind !== 'pending' || clock() + pollMs > deadline) return receipt;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
  }
}
