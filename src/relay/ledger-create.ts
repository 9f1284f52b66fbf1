import type { CreateResult } from '../adapters/adapter.js';
import { defined } from '../adapters/defined.js';
import type { LeadEnvelope, Outcome } from '../adapters/lead.js';
import type { Engine } from '../ledger/engine.js';
import { consentEvidence, type RequestSeen } from '../ledger/evidence.js';
import { answerKey, awaitAnswer, receive, settle, type LeadProgress, type Receipt } from '../ledger/intake.js';
import type { DeliverySettings } from '../ledger/settings.js';
import { afterAttempt, summarise, type Decision, type OutcomeSummary } from '../ledger/states.js';

/** The relay's ledger: the database, and the delivery schedule from the config file. */
export interface RelayLedger {
  readonly engine: Engine;
  readonly delivery: DeliverySettings;
  /** How long a request whose key another request is working on waits for that answer (default 10 s). */
  readonly waitMs?: number;
}

/** One answer of the relay: an HTTP status and a JSON body that may carry an `outcome`. */
export interface LedgerAnswer {
  readonly status: number;
  readonly body: Record<string, unknown>;
}

export type LedgerCreate =
  | { readonly kind: 'answer'; readonly answer: LedgerAnswer; readonly replayed: boolean }
  | { readonly kind: 'conflict' }
  | { readonly kind: 'busy' }
  /** The ledger could not be written: nothing was sent on (503, and the browser keeps the lead). */
  | { readonly kind: 'unavailable' };

export interface CreateRequest {
  readonly destination: string;
  readonly key: string;
  readonly requestHash: string;
  readonly envelope: LeadEnvelope;
  readonly seen: RequestSeen;
  /** How long the synchronous try may take: the destination's timeout (the claim adds the lease). */
  readonly timeoutMs: number;
  /** The one synchronous try while the browser waits. */
  readonly send: () => Promise<CreateResult>;
  /**
   * The answer for an outcome, with the signed lead id (the relay's own protocol shape); `step` is
   * what the second step needs of the destination's answer (`reference`, `takesOver`).
   */
  readonly answerFor: (outcome: Outcome, next: CreateResult['next'], step: Pick<CreateResult, 'reference' | 'takesOver'>) => Promise<LedgerAnswer>;
  readonly now: () => Date;
  /**
   * Lead quality before the destination is called (issue 20): a lead on a suppression list, or a
   * duplicate of one delivered within the window, is settled here and never sent.
   */
  readonly screen?: (leadId: string) => Promise<Screened | undefined>;
}

/** A lead settled by the relay's own checks instead of the destination. */
export interface Screened {
  readonly decision: Decision;
  /** What the browser is told (a suppressed lead: the same thank-you as anyone's). */
  readonly outcome: Outcome;
  /** What the ledger keeps as the outcome. */
  readonly summary: OutcomeSummary;
  /** For the lead's events (`npm run leads -- show ID`). */
  readonly note: string;
}

const QUEUED: Outcome = { status: 'queued', retryable: false };

/**
 * What the browser is told after the synchronous try (DESIGN.md, "The lead ledger"): with the ledger
 * every answer is final. A failure safe to resend is `queued` (the relay owns the lead now); one that
 * may have reached a destination that does not deduplicate is `uncertain`.
 */
export function browserOutcome(outcome: Outcome, decision: Decision): Outcome {
  if (decision.state === 'queued') return QUEUED;
  if (decision.state === 'uncertain' && outcome.status !== 'uncertain') {
    return { ...outcome, status: 'uncertain', retryable: false, delivery: outcome.delivery ?? 'maybe_delivered' };
  }
  if (decision.state === 'failed') return { ...outcome, retryable: false };
  return outcome;
}

/** The answer for a key whose synchronous try was abandoned (its instance died): the ledger's word on the lead. */
function abandonedOutcome(lead: LeadProgress): Outcome {
  const summary = lead.outcome;
  if (summary && ['accepted', 'qualified', 'duplicate', 'invalid', 'rejected', 'uncertain'].includes(summary.status) && lead.state !== 'queued') {
    return { ...summary, retryable: false };
  }
  return lead.state === 'uncertain' ? { status: 'uncertain', retryable: false, delivery: 'maybe_delivered' } : QUEUED;
}

async function answerPending(ledger: RelayLedger, request: CreateRequest, scope: string, receipt: Receipt & { kind: 'pending' }): Promise<LedgerCreate> {
  const waited = await awaitAnswer(ledger.engine, { scope, key: request.key, requestHash: request.requestHash }, Date.now() + (ledger.waitMs ?? 10_000));
  if (waited?.kind === 'answered') return { kind: 'answer', answer: waited.answer as LedgerAnswer, replayed: true };
  if (waited?.kind === 'reused') return { kind: 'conflict' };
  const lead = waited?.kind === 'pending' ? waited.lead : receipt.lead;
  const now = request.now();
  const abandoned = lead !== null && (lead.state !== 'delivering' || (lead.claimedUntil !== null && lead.claimedUntil <= now));
  if (!lead || !abandoned) return { kind: 'busy' };
  // The try that owned this key died before answering; the worker has (or will take) the lead.
  const answer = await request.answerFor(abandonedOutcome(lead), null, {});
  await answerKey(ledger.engine, scope, request.key, answer, now);
  return { kind: 'answer', answer, replayed: false };
}

/**
 * The create step through the ledger: the key, the lead and its consent evidence are written before
 * the destination is called (nothing is sent when they cannot be); one synchronous try; then the
 * outcome, the lead's state and the answer in a second transaction. A repeated key gets the first
 * answer, on any instance, after any restart; one still at work is waited for.
 */
export async function createThroughLedger(ledger: RelayLedger, request: CreateRequest): Promise<LedgerCreate> {
  const scope = `create:${request.destination}`;
  const receivedAt = request.now();
  const leadId = crypto.randomUUID();
  const claimToken = crypto.randomUUID();
  let receipt: Receipt;
  try {
    receipt = await receive(
      ledger.engine,
      { scope, key: request.key, requestHash: request.requestHash, now: receivedAt },
      {
        id: leadId,
        destination: request.destination,
        envelope: request.envelope,
        evidence: consentEvidence(request.envelope, request.seen),
        claimToken,
        claimedUntil: new Date(receivedAt.getTime() + request.timeoutMs + ledger.delivery.leaseSeconds * 1000),
      },
    );
  } catch {
    return { kind: 'unavailable' };
  }
  switch (receipt.kind) {
    case 'answered':
      return { kind: 'answer', answer: receipt.answer as LedgerAnswer, replayed: true };
    case 'reused':
      return { kind: 'conflict' };
    case 'pending':
      try {
        return await answerPending(ledger, request, scope, receipt);
      } catch {
        return { kind: 'unavailable' };
      }
    case 'new':
      break;
  }
  let screened: Screened | undefined;
  try {
    screened = await request.screen?.(leadId);
  } catch {
    return { kind: 'unavailable' };
  }
  if (screened) return settleScreened(ledger, request, scope, leadId, claimToken, screened);
  let result: CreateResult;
  try {
    result = await request.send();
  } catch {
    // An adapter that throws may have sent the request already.
    result = { outcome: { status: 'failed', retryable: false, delivery: 'maybe_delivered', code: 'delivery_error' }, next: null };
  }
  const now = request.now();
  const decision = afterAttempt(result.outcome, { attempts: 1, receivedAt, now }, ledger.delivery);
  const outcome = browserOutcome(result.outcome, decision);
  const step = defined({ reference: result.reference, takesOver: result.takesOver });
  const answer = await request.answerFor(outcome, decision.state === 'delivered' ? result.next : null, step);
  try {
    await settle(ledger.engine, {
      leadId, claimToken, decision, outcome: summarise(result.outcome), attempt: 1, actor: 'relay', now,
      answer: { scope, key: request.key, answer },
    });
  } catch {
    // The destination has spoken, so the browser is told; the ledger, once back, finds the claim
    // expired and treats the lead as maybe delivered (resent only where that is safe).
  }
  return { kind: 'answer', answer, replayed: false };
}

/** Settles a lead the relay's own checks decided, with its answer, in one transaction. */
async function settleScreened(ledger: RelayLedger, request: CreateRequest, scope: string, leadId: string, claimToken: string, screened: Screened): Promise<LedgerCreate> {
  const now = request.now();
  const answer = await request.answerFor(screened.outcome, null, {});
  try {
    await settle(ledger.engine, {
      leadId, claimToken, decision: screened.decision, outcome: screened.summary, attempt: 0, actor: 'relay', now, note: screened.note,
      answer: { scope, key: request.key, answer },
    });
  } catch {
    return { kind: 'unavailable' };
  }
  return { kind: 'answer', answer, replayed: false };
}
