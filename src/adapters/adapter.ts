import type { LeadEnvelope, Outcome, SubmitStepInput } from './lead.js';

/**
 * Everything an adapter may touch beyond its own settings. Passing these in (rather than reading
 * globals) keeps adapters pure and lets the same module run in the browser, on Node and at the edge.
 */
export interface DeliveryContext {
  readonly fetch: typeof fetch;
  /** Stays the same for every retry of one lead (DESIGN.md, "Never lose a lead"). */
  readonly idempotencyKey: string;
  readonly now: () => Date;
  /** Bounds the whole step: aborted, the adapter answers a failure that says whether it may have been delivered. */
  readonly signal?: AbortSignal;
  /**
   * What the caller knows of an earlier lead it sent to this destination under `key` (the partner id
   * a destination echoes back, MLAS `partnerLeadId`): undefined when `key` is not one it accepted.
   * `person` is this lead's detail, as the destination takes it, that the caller compares with the
   * earlier lead's to say whether both are one person (`OwnLead.samePerson`). The relay supplies it
   * from its ledger, or from its memory of answers without one; it lets an adapter tell the relay's
   * own earlier lead from another partner's without reaching into the relay. Absent (the adapter
   * used on its own), every other key's lead is another's.
   */
  readonly ownLead?: (key: string, person: LeadPerson) => Promise<OwnLead | undefined>;
}

/** What tells a lead's person from another who typed the same email, as `DeliveryContext.ownLead` compares it. */
export interface LeadPerson {
  /** The mobile number as the destination takes it (MLAS: 10 digits), or undefined when the lead has none. */
  readonly mobile: string | undefined;
}

/** An earlier lead of the caller's own, as `DeliveryContext.ownLead` answers it. */
export interface OwnLead {
  /**
   * Whether its second step is over: answered, and not with a refusal the person may correct. A
   * second step taken over now would only be answered that first answer again.
   */
  readonly submitted: boolean;
  /**
   * Whether it was sent with the same mobile number as `person`'s: false when either has none. Only
   * then may this lead act as that one's (its consent, certificate and number attached to it).
   */
  readonly samePerson: boolean;
}

/** The answer to the first step. */
export interface CreateResult {
  readonly outcome: Outcome;
  /** Whether the destination wants the second step (`submit`) for this lead. */
  readonly next: 'submit' | null;
  /**
   * What the second step needs to find this lead again (e.g. the MLAS internal id, or the relay's
   * lead id). Opaque to callers.
   */
  readonly reference?: string;
  /**
   * The key of an earlier lead of the caller's own (`DeliveryContext.ownLead`) whose second step
   * this lead takes over: the destination matched this lead to that one, which still waits for its
   * second step (MLAS: 1003 for a qualified lead never submitted). The second step then acts as that
   * lead's, once for both.
   */
  readonly takesOver?: string;
}

/**
 * The seam between the widget (or the relay) and a destination. The element never calls `fetch`
 * itself; it talks to one of these.
 */
export interface Adapter {
  readonly name: string;
  /**
   * How long one step (`create` or `submit`, with its token and status calls) may take, when this
   * destination needs longer than its caller's default: MLAS `createLead` blocks until the
   * lead's whole workflow (dedupe, TrustedForm, credit pull, bid) is done. A caller that bounds the
   * step builds `signal` from `timeoutMs ?? its own default`.
   */
  readonly timeoutMs?: number;
  /**
   * Whether sending one lead again with the same idempotency key can never make a second record
   * (Pingtree with `dedupe`, the webhook's `Idempotency-Key`, MLAS by `leadId`). The relay's ledger
   * resends a lead whose earlier try was abandoned mid-call (an instance died) only where this holds.
   */
  readonly deduplicates?: boolean;
  create(envelope: LeadEnvelope, context: DeliveryContext): Promise<CreateResult>;
  /** Present only for destinations with a second step. */
  submit?(reference: string, input: SubmitStepInput, context: DeliveryContext): Promise<Outcome>;
}
