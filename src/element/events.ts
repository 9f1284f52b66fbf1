import type { CreateResult } from '../adapters/adapter.js';
import type { ConsentEvidence, LeadEnvelope, Outcome } from '../adapters/lead.js';
import type { FieldErrorCode } from '../fields/rules.js';
import type { EvidenceReport } from './evidence.js';

export type { EvidenceReport } from './evidence.js';

/**
 * The widget's events: bubbling, composed `CustomEvent`s with a typed `detail` (DESIGN.md, "Events").
 * Pages listen with `addEventListener('lead-submitted', …)` and get the detail typed.
 */
const INIT = { bubbles: true, composed: true } as const;

export interface LeadInvalidDetail {
  /** Our error code for each bad field. */
  readonly errors: Readonly<Partial<Record<string, FieldErrorCode>>>;
  /** The message shown for each bad field, in the page's locale. */
  readonly messages: Readonly<Record<string, string>>;
}
export class LeadInvalidEvent extends CustomEvent<LeadInvalidDetail> {
  constructor(detail: LeadInvalidDetail) {
    super('lead-invalid', { ...INIT, detail });
  }
}

export interface LeadSubmitDetail {
  /** Exactly what will be sent. Cancel the event to stop it. */
  readonly envelope: LeadEnvelope;
  readonly idempotencyKey: string;
  /** Whether the TrustedForm certificate and Jornaya token were captured, missing or not asked for. */
  readonly evidence: EvidenceReport;
}
export class LeadSubmitEvent extends CustomEvent<LeadSubmitDetail> {
  constructor(detail: LeadSubmitDetail) {
    super('lead-submit', { ...INIT, cancelable: true, detail });
  }
}

export interface LeadCreatedDetail extends CreateResult {
  readonly idempotencyKey: string;
  readonly evidence: EvidenceReport;
  /** A lead an earlier visit left on this device, sent in the background: not this visitor's. */
  readonly resumed?: boolean;
}
export class LeadCreatedEvent extends CustomEvent<LeadCreatedDetail> {
  constructor(detail: LeadCreatedDetail) {
    super('lead-created', { ...INIT, detail });
  }
}

export interface LeadSubmittedDetail {
  readonly outcome: Outcome;
  readonly idempotencyKey: string;
  /** A missing certificate is said here, never silently dropped. */
  readonly evidence: EvidenceReport;
  /** The consent record sent (or given on the consent step), for the page to keep as evidence too. */
  readonly consent?: ConsentEvidence;
  /** A lead an earlier visit left on this device, sent in the background: not this visitor's. */
  readonly resumed?: boolean;
}
export class LeadSubmittedEvent extends CustomEvent<LeadSubmittedDetail> {
  constructor(detail: LeadSubmittedDetail) {
    // Cancelable: a page that takes over keeps the widget from going to `success-url`.
    super('lead-submitted', { ...INIT, cancelable: true, detail });
  }
}

export interface LeadErrorDetail {
  /**
   * `consent`: the consent was not visible on the page, so nothing was sent (see consent/visibility.ts).
   * `config`: the page's configuration cannot work as written (a question definition was skipped).
   * `load`: a chunk the form needs could not be loaded, even tried again (the network, or a file
   * refused by its SRI pin): nothing was sent; it is tried again (unavailable-notice.ts).
   */
  readonly stage: 'create' | 'submit' | 'consent' | 'config' | 'load';
  readonly retryable: boolean;
  /** What the person was told. */
  readonly message: string;
  readonly outcome: Outcome;
}
export class LeadErrorEvent extends CustomEvent<LeadErrorDetail> {
  constructor(detail: LeadErrorDetail) {
    // Cancelable: a page that takes over keeps the widget from going to `rejected-url`.
    super('lead-error', { ...INIT, cancelable: true, detail });
  }
}

export interface LeadStepDetail {
  /** The step now shown, counting from 1. */
  readonly step: number;
  readonly total: number;
}
/** A multi-step form moved to another step (Next or Back); nothing has been sent. */
export class LeadStepEvent extends CustomEvent<LeadStepDetail> {
  constructor(detail: LeadStepDetail) {
    super('lead-step', { ...INIT, detail });
  }
}

/** A question the page defined that cannot work: said in the console, and to the page as a `lead-error`. */
export function configErrorEvent(message: string): LeadErrorEvent {
  console.error(`<lead-capture>: ${message}; that question is skipped`);
  const outcome = { status: 'rejected', retryable: false, code: 'invalid_question', message } as const;
  return new LeadErrorEvent({ stage: 'config', retryable: false, message, outcome });
}

declare global {
  interface HTMLElementEventMap {
    'lead-invalid': LeadInvalidEvent;
    'lead-submit': LeadSubmitEvent;
    'lead-created': LeadCreatedEvent;
    'lead-submitted': LeadSubmittedEvent;
    'lead-error': LeadErrorEvent;
    'lead-step': LeadStepEvent;
  }
}
