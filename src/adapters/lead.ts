/**
 * The one lead model every part of lead-capture speaks: the widget builds a `LeadEnvelope`, the relay
 * and the webhook receive it as JSON, and each destination adapter maps it to its own wire format.
 * Field keys are the seeds' snake_case names (see DESIGN.md) until an adapter maps them.
 */

/** Normalised field values keyed by field name (`first_name`, `mobile`, …); absent fields are omitted. */
export type LeadFields = Readonly<Record<string, string>>;

/** The evidence of consent that travels with every lead (DESIGN.md, "Consent and TrustedForm"). */
export interface ConsentEvidence {
  /** The disclosure exactly as the person saw it. */
  readonly text: string;
  /** Lowercase hex SHA-256 of `text` (UTF-8). */
  readonly sha256: string;
  readonly sellers: readonly string[];
  /** ISO-8601 time the box was checked; null when the page asks for no opt-in box. */
  readonly checkedAt: string | null;
  readonly submittedAt: string;
  readonly pageUrl: string;
  readonly version?: string;
}

/** What TrustedForm's script put into the form (DESTINATIONS.md, "Hidden fields"). */
export interface TrustedFormCertificate {
  readonly certUrl: string;
  readonly pingUrl?: string;
  readonly token?: string;
}

export interface JornayaToken {
  readonly leadId: string;
}

/** Signs that a person, not a script, filled the form; the relay refuses what fails them. */
export interface BotSignals {
  /** The hidden honeypot field: people never see it, so it stays empty; form-filling bots fill it. */
  readonly honeypot: string;
  /** Milliseconds from the form being shown to the lead being sent. */
  readonly elapsedMs: number;
  /** A page's own challenge token (Turnstile, reCAPTCHA), for the relay or the destination to verify. */
  readonly challengeToken?: string;
}

/** The JSON body the widget sends to the relay (`POST /v1/leads`) or to a webhook. */
export interface LeadEnvelope {
  readonly destination?: string;
  readonly lead: LeadFields;
  readonly consent?: ConsentEvidence;
  readonly trustedform?: TrustedFormCertificate;
  readonly jornaya?: JornayaToken;
  /** The last touch (last non-direct visit within 30 days, else this one) and `page_url`; see src/tracking/touch.ts. */
  readonly tracking?: Readonly<Record<string, string>>;
  /** The first touch within 30 days, whole. */
  readonly first_touch?: Readonly<Record<string, string>>;
  readonly bot?: BotSignals;
}

/**
 * What the second step (`submit`) carries: the deferred certificate, the verified mobile, and the
 * consent record of the consent step (deferred consent), which the relay keeps as the lead's evidence.
 */
export interface SubmitStepInput {
  readonly trustedform?: TrustedFormCertificate;
  readonly mobile?: string;
  readonly consent?: ConsentEvidence;
}

/**
 * `queued` (the relay's ledger holds the lead and will deliver it) and `uncertain` (the destination
 * may have it; an operator confirms) are added by the relay; adapters answer the other six.
 */
export const OUTCOME_STATUSES = ['accepted', 'qualified', 'duplicate', 'invalid', 'rejected', 'failed', 'queued', 'uncertain'] as const;
export type OutcomeStatus = (typeof OUTCOME_STATUSES)[number];

/**
 * One destination answer, read into one shape. The destination's own id, code and message are kept
 * so that a person or a log can trace the lead in the destination's system.
 */
export interface Outcome {
  readonly status: OutcomeStatus;
  /**
   * Only meaningful for `failed`: whether sending the same lead again may succeed *and* can never
   * make a second record (DESIGN.md, "Destinations"): the lead was not delivered, or the destination
   * deduplicates by our key.
   */
  readonly retryable: boolean;
  /**
   * For `failed` and `uncertain`: whether the destination may already hold the lead. `not_delivered`
   * (refused connection, DNS, 429, 503 with Retry-After, a token refused before the call) or
   * `maybe_delivered` (timeout after sending, reset mid-answer, 500/502/504).
   */
  readonly delivery?: 'not_delivered' | 'maybe_delivered';
  readonly code?: string;
  readonly message?: string;
  readonly destinationId?: string;
  /** The system inside the destination that holds the record, when it says (MLAS submitLead's `crm`: SALESFORCE, SIGMA, AFS). */
  readonly destinationSystem?: string;
  /** Field-level problems the destination reported, keyed by our field names where known. */
  readonly fieldErrors?: Readonly<Record<string, string>>;
  /** Seconds the destination asked us to wait before trying again (HTTP Retry-After). */
  readonly retryAfterSeconds?: number;
}

/** The statuses after which a lead is settled: sending it again would change nothing. */
export function isFinal(outcome: Outcome): boolean {
  return !(outcome.status === 'failed' && outcome.retryable);
}

/** The statuses that mean the destination has the lead. */
export function isDelivered(outcome: Outcome): boolean {
  return outcome.status === 'accepted' || outcome.status === 'qualified' || outcome.status === 'duplicate';
}

/**
 * The outcomes after which the person is thanked: delivered; `queued` (the relay's ledger owns the
 * lead now and will deliver it); `uncertain` (the destination may have it, an operator confirms: the
 * person can do nothing more, and sending again could make a second record).
 */
export function endsWell(outcome: Outcome): boolean {
  return isDelivered(outcome) || outcome.status === 'queued' || outcome.status === 'uncertain';
}
