import type { CreateResult, LeadPerson, OwnLead } from '../adapters/adapter.js';
import type { LeadEnvelope, Outcome, SubmitStepInput } from '../adapters/lead.js';
import { LedgerAnswerStore } from '../ledger/answer-store.js';
import { consentEvidence, type RequestSeen } from '../ledger/evidence.js';
import { keepConsentEvidence, lookup } from '../ledger/intake.js';
import { leadByKey, leadMobileByKey, trustedFormClaimed } from '../ledger/quality.js';
import type { RelayDependencies } from './app.js';
import { RelayConfigError, type RelayConfig } from './config.js';
import type { Destination } from './destination-config.js';
import { MemoryIdempotencyStore, type IdempotencyStore, type StoredAnswer } from './idempotency.js';
import { claimStep } from './lead-quality.js';
import { ANSWER_TTL_SECONDS, correctable, stepKey } from './once.js';
import { FixedWindowLimiter } from './rate-limit.js';
import type { LeadRouteDependencies } from './route-answers.js';
import { comparableMobile, mobileDigest, sameMobile } from './same-person.js';

/** Counts a client's requests; answers how many seconds it must wait, 0 when it may go on. */
export interface RateLimiter {
  take(client: string, nowMs: number): number | Promise<number>;
}

/**
 * The relay's answer memory and rate limiter: the lead ledger's (src/ledger) when it has one, else
 * this process's; without a ledger the steps' ledger parts below do nothing either. Refuses to start (RelayConfigError) when a destination screens leads (dedupe, suppression) and
 * there is no ledger to screen them against.
 */
export function relayMemory(config: RelayConfig, dependencies: RelayDependencies): { store: IdempotencyStore; limiter: RateLimiter } {
  const ledger = dependencies.ledger;
  const screening = [...config.destinations.values()].find((destination) => destination.dedupe !== undefined || destination.suppression);
  if (screening && !ledger) {
    throw new RelayConfigError(`destinations.${screening.name}: dedupe and suppression need the lead ledger: pass createRelay a ledger (npm run relay opens one)`);
  }
  const store = dependencies.store ?? (ledger ? new LedgerAnswerStore(ledger.engine, dependencies.now) : new MemoryIdempotencyStore(() => dependencies.now().getTime()));
  const limiter = ledger?.limiter ?? new FixedWindowLimiter(config.rateLimit.max, config.rateLimit.windowSeconds);
  return { store, limiter };
}

/** Whether the relay already knows this create key (and has answered it): throws when the ledger cannot be read. */
export async function isKnownCreate(routes: LeadRouteDependencies, destination: Destination, key: string, requestHash: string): Promise<boolean> {
  return routes.ledger
    ? (await lookup(routes.ledger.engine, `create:${destination.name}`, key, requestHash)) !== undefined
    : (await routes.store.get(stepKey('create', destination.name, key))) !== undefined;
}

/**
 * The relay's own earlier leads, for an adapter whose destination matches a new lead to an earlier
 * one (MLAS's 1003 names the earlier lead's partnerLeadId, which is our idempotency key): a key is
 * ours when the ledger holds a lead under it, or, without a ledger, when this process's memory holds
 * its create answer (for `ANSWER_TTL_SECONDS`, and not across a restart: a lead the relay cannot
 * vouch for stays another's). Its second step is over when the submit step's answer is remembered
 * and is not a refusal the person may correct, as `oncePerLead` would replay it. It is the same
 * person as `person` when both leads carry one mobile number (10 digits): with the ledger, compared
 * with the number the ledger holds in that lead (as long as retention keeps it); without one, as a
 * keyed hash (`rememberPerson`), so the memory holds no number. Throws when the ledger cannot be
 * read (the adapter then answers a failure to retry).
 */
export function ownLeadLookup(routes: LeadRouteDependencies, destination: Destination): (key: string, person: LeadPerson) => Promise<OwnLead | undefined> {
  return async (key, person) => {
    let samePerson: boolean;
    if (routes.ledger) {
      const lead = await leadMobileByKey(routes.ledger.engine, destination.name, key);
      if (lead === undefined) return undefined;
      samePerson = sameMobile(lead.mobile ?? undefined, person.mobile);
    } else {
      if ((await routes.store.get(stepKey('create', destination.name, key))) === undefined) return undefined;
      const remembered = await routes.store.get(stepKey('person', destination.name, key));
      const mobile = comparableMobile(person.mobile);
      samePerson = mobile !== undefined && personOf(remembered)?.mobile === mobileDigest(mobile, routes.config.matchKey);
    }
    const submitted = await routes.store.get(stepKey('submit', destination.name, key));
    return { submitted: submitted !== undefined && !correctable(submitted), samePerson };
  };
}

/** What the memory keeps of a lead's person (`rememberPerson`): keyed hashes, never the values. */
interface RememberedPerson {
  readonly mobile?: string;
}

function personOf(remembered: StoredAnswer | undefined): RememberedPerson | undefined {
  return (remembered?.body ?? undefined) as RememberedPerson | undefined;
}

/**
 * Without a ledger, what a later lead's `ownLeadLookup` compares with, kept beside the create answer
 * for as long (`person:<destination>:<key>`): the keyed hash of the lead's mobile number, only for a
 * lead that waits for its second step (the only kind another lead may take over), and none without a
 * mobile. With the ledger the lead itself is there to compare with, and nothing more is kept.
 */
export async function rememberPerson(routes: LeadRouteDependencies, destination: Destination, key: string, envelope: LeadEnvelope, result: CreateResult): Promise<void> {
  if (routes.ledger || result.next !== 'submit' || result.outcome.status === 'failed' || result.takesOver !== undefined) return;
  const mobile = comparableMobile(envelope.lead['mobile']);
  if (mobile === undefined) return;
  const person: RememberedPerson = { mobile: mobileDigest(mobile, routes.config.matchKey) };
  await routes.store.set(stepKey('person', destination.name, key), { status: 200, body: person, requestHash: '' }, ANSWER_TTL_SECONDS);
}

/** The lead as the second step completes it: the number it covers and the certificate that came with it. Pure. */
export function envelopeAtSubmit(earlier: LeadEnvelope, input: SubmitStepInput): LeadEnvelope {
  const certificate = input.trustedform ?? earlier.trustedform;
  return {
    ...earlier,
    lead: { ...earlier.lead, ...(input.mobile ? { mobile: input.mobile } : {}) },
    ...(certificate ? { trustedform: certificate } : {}),
  };
}

/**
 * Where the certificate arrives with the second step (MLAS, whose TrustedForm check runs on
 * `submitLead`), the claim is made then, before the destination is called; what stops the lead is
 * answered as its outcome (a refusal the person may correct, or a failure to retry).
 */
export async function claimOnSubmit(routes: LeadRouteDependencies, destination: Destination, idempotencyKey: string, input: SubmitStepInput): Promise<Outcome | undefined> {
  const ledger = routes.ledger;
  if (!ledger || !destination.trustedform?.claim) return undefined;
  const lead = await leadByKey(ledger.engine, destination.name, idempotencyKey);
  if (!lead?.envelope) return undefined;
  // Claimed with the first step already, and no other certificate now: nothing to claim.
  if (input.trustedform === undefined && (await trustedFormClaimed(ledger.engine, lead.id))) return undefined;
  const envelope = envelopeAtSubmit(lead.envelope, input);
  return (await claimStep(ledger.engine, destination, envelope, lead.id, routes.fetch, routes.now(), 'submit'))?.outcome;
}

/**
 * The consent step's record (deferred consent) is the lead's consent evidence: kept in the ledger
 * before the destination is called, as the first step's is, with the number it covers and the
 * certificate that came with it. A ledger that cannot be written stops the step (503).
 */
export async function keepSubmitConsent(routes: LeadRouteDependencies, destination: Destination, idempotencyKey: string, input: SubmitStepInput, seen: RequestSeen): Promise<void> {
  const ledger = routes.ledger;
  if (!ledger || input.consent === undefined) return;
  const lead = await leadByKey(ledger.engine, destination.name, idempotencyKey);
  if (!lead) return;
  const envelope: LeadEnvelope = { ...envelopeAtSubmit(lead.envelope ?? { lead: {} }, input), consent: input.consent };
  const evidence = consentEvidence(envelope, seen);
  if (evidence) await keepConsentEvidence(ledger.engine, lead.id, evidence);
}
