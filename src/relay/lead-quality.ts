import type { LeadEnvelope, Outcome } from '../adapters/lead.js';
import type { Engine } from '../ledger/engine.js';
import { addEvent } from '../ledger/intake.js';
import { contactDigests, leadDigests } from '../ledger/match-keys.js';
import { findDeliveredMatch, isSuppressed, recordMatchKeys, recordTrustedFormClaim } from '../ledger/quality.js';
import type { DeliverySettings } from '../ledger/settings.js';
import { afterAttempt } from '../ledger/states.js';
import type { Destination } from './destination-config.js';
import type { Screened } from './ledger-create.js';
import { claimCertificate } from './trustedform-claim.js';
import type { ClaimResult } from './trustedform-wire.js';

const DAY_MS = 86_400_000;

/** What `screenLead` needs beyond the lead. */
export interface ScreenContext {
  readonly engine: Engine;
  readonly key: Uint8Array | undefined;
  readonly fetch: typeof fetch;
  readonly now: Date;
  readonly delivery: DeliverySettings;
}

/**
 * The relay's checks of a lead before its destination is called (issue 20), in this order:
 * - **suppression**: an email or phone number on the list → `suppressed` in the ledger, never
 *   forwarded; the browser gets the thank-you anyone gets (no oracle for who is on the list);
 * - **duplicate window**: the same normalised email or phone as a lead delivered to this destination
 *   within `dedupe.days` → `duplicate`, as the destination would have said, without calling it.
 * Both compare keyed hashes (match-keys.ts).
 * - **TrustedForm claim** (`trustedform.claim`): the certificate retained for five years, the
 *   answer kept with the lead (see `claimStep`).
 * Answers undefined when the lead goes on.
 */
export async function screenLead(context: ScreenContext, destination: Destination, envelope: LeadEnvelope, leadId: string): Promise<Screened | undefined> {
  const matched = await matchScreen(context, destination, envelope, leadId);
  if (matched) return matched;
  const claim = await claimStep(context.engine, destination, envelope, leadId, context.fetch, context.now);
  if (claim === undefined) return undefined;
  const decision = afterAttempt(claim.outcome, { attempts: 1, receivedAt: context.now, now: context.now }, context.delivery);
  return {
    decision,
    outcome: decision.state === 'queued' ? { status: 'queued', retryable: false } : claim.outcome,
    summary: { status: claim.outcome.status, retryable: claim.outcome.retryable, ...(claim.outcome.code === undefined ? {} : { code: claim.outcome.code }) },
    note: claim.note,
  };
}

async function matchScreen(context: ScreenContext, destination: Destination, envelope: LeadEnvelope, leadId: string): Promise<Screened | undefined> {
  const { engine, key, now } = context;
  if (key === undefined) return undefined;
  if (destination.suppression && (await isSuppressed(engine, contactDigests(envelope.lead, key, destination.country)))) {
    return {
      decision: { state: 'suppressed' },
      outcome: { status: 'accepted', retryable: false },
      summary: { status: 'accepted', code: 'suppressed' },
      note: 'an email or phone number on the suppression list: not forwarded',
    };
  }
  const dedupe = destination.dedupe;
  if (!dedupe) return undefined;
  const digests = leadDigests(envelope.lead, dedupe.fields, key, destination.country);
  await recordMatchKeys(engine, leadId, destination.name, digests);
  const earlier = await findDeliveredMatch(engine, destination.name, digests, new Date(now.getTime() - dedupe.days * DAY_MS), leadId);
  if (earlier === undefined) return undefined;
  return {
    decision: { state: 'duplicate' },
    outcome: { status: 'duplicate', retryable: false, code: 'duplicate' },
    summary: { status: 'duplicate', code: 'duplicate_window' },
    note: `the same ${dedupe.fields.join(' or ')} as lead ${earlier}, delivered within ${dedupe.days} days: not sent`,
  };
}

const PHONE_FIELDS = ['mobile', 'home_phone', 'business_phone'] as const;

/**
 * Claims the lead's TrustedForm certificate where the destination asks (`trustedform.claim`), keeps
 * TrustedForm's answer with the lead, and says what stops the lead: with `requireClaim`, a
 * certificate that cannot back it (`rejected`, `trustedform_failed`) or TrustedForm out of reach
 * (a failure not delivered: the lead waits in the queue and the worker claims before it sends).
 * Undefined: the lead goes on (claimed, or the claim not required).
 */
export async function claimStep(
  engine: Engine,
  destination: Destination,
  envelope: LeadEnvelope,
  leadId: string,
  fetchImpl: typeof fetch,
  now: Date,
  stage: 'create' | 'submit' = 'create',
): Promise<{ outcome: Outcome; note: string } | undefined> {
  const settings = destination.trustedform;
  if (!settings?.claim) return undefined;
  // A destination with a second step may take the certificate there (MLAS's consent after create):
  // the claim waits for it (`claimOnSubmit` in app.ts).
  if (stage === 'create' && envelope.trustedform?.certUrl === undefined && destination.adapter.submit !== undefined) return undefined;
  const lead = envelope.lead;
  const email = typeof lead['email'] === 'string' && lead['email'] !== '' ? lead['email'] : undefined;
  const phone = PHONE_FIELDS.map((field) => lead[field]).find((value): value is string => typeof value === 'string' && value !== '');
  const result = await claimCertificate(settings, { certUrl: envelope.trustedform?.certUrl, leadId, ...(email ? { email } : {}), ...(phone ? { phone } : {}) }, fetchImpl);
  const note = claimNote(result);
  if (result.kind !== 'unavailable') {
    await recordTrustedFormClaim(engine, leadId, result.kind === 'claimed' ? { result: 'claimed', ...result.claim } : { result: 'refused', code: result.code, ...(result.claim ?? {}) });
  }
  const stops = settings.requireClaim && result.kind !== 'claimed';
  if (!stops) {
    await addEvent(engine, leadId, now, { state: 'delivering', actor: 'relay', note });
    return undefined;
  }
  if (result.kind === 'refused') {
    return { outcome: { status: 'rejected', retryable: false, code: 'trustedform_failed', message: note }, note };
  }
  return { outcome: { status: 'failed', retryable: true, delivery: 'not_delivered', code: 'trustedform_unavailable', message: note }, note };
}

function claimNote(result: ClaimResult): string {
  switch (result.kind) {
    case 'claimed':
      return `TrustedForm certificate ${result.claim.certificate} claimed${result.claim.expiresAt ? `, kept until ${result.claim.expiresAt}` : ''}`;
    case 'refused':
      return `TrustedForm claim refused: ${result.code}`;
    case 'unavailable':
      return `TrustedForm claim not made now: ${result.code}`;
  }
}
