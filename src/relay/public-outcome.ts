import type { Outcome, OutcomeStatus } from '../adapters/lead.js';
import { isFieldKey, type FieldKey } from '../fields/keys.js';
import { isFieldErrorCode, type FieldErrorCode } from '../fields/rules.js';

/**
 * What of a destination's answer may leave the relay, for the browser and for the log line. A
 * destination's own words are not ours to pass on (issue 11: Pingtree's free-text `reason` became
 * `code`, and a destination's `pg: duplicate key … host db-7.internal … jane@victim.example` reached
 * the browser and the log). So codes are mapped onto our fixed vocabulary, field errors onto our
 * `FieldErrorCode`s for our own field keys, and everything else is dropped. The adapters keep the
 * raw text in the `Outcome`, for the operator's ledger, which never leaves the relay.
 */
export interface PublicOutcome {
  readonly status: OutcomeStatus;
  readonly retryable: boolean;
  readonly code?: PublicCode;
  readonly destinationId?: string;
  readonly fieldErrors?: Readonly<Partial<Record<FieldKey, FieldErrorCode>>>;
  readonly retryAfterSeconds?: number;
}

/** Every code the relay says, besides `http_NNN` (the destination's HTTP status, which we wrote). */
export const PUBLIC_CODES = [
  'duplicate',
  'missing_field',
  'invalid_field',
  'unauthorised',
  'timeout',
  'network',
  'token_unavailable',
  'trustedform_required',
  'trustedform_failed',
  'destination_error',
] as const;
export type PublicCode = (typeof PUBLIC_CODES)[number] | `http_${number}`;

/** Documented status words of destinations, in our words (Pingtree, DESTINATIONS.md). */
const DESTINATION_WORDS: Readonly<Record<string, PublicCode>> = { missingField: 'missing_field', invalidField: 'invalid_field' };

/** Statuses where a code explains a problem: an unknown one there is `destination_error`. */
const PROBLEMS: readonly OutcomeStatus[] = ['invalid', 'rejected', 'failed', 'uncertain'];

/** The code a destination's own field message most likely means, for each of our fields. */
function fieldCode(key: FieldKey): FieldErrorCode {
  switch (key) {
    case 'email':
      return 'email';
    case 'mobile':
    case 'home_phone':
    case 'business_phone':
      return 'phone';
    case 'zip_code':
      return 'zip';
    case 'state':
      return 'state';
    case 'country':
      return 'country';
    case 'date_of_birth':
      return 'date';
    default:
      return 'characters';
  }
}

function isHttpCode(code: string): code is `http_${number}` {
  return code.length === 8 && code.startsWith('http_') && [...code.slice(5)].every((digit) => digit >= '0' && digit <= '9');
}

/** Whether `code` is one the relay may say. */
export function isPublicCode(code: string): code is PublicCode {
  return (PUBLIC_CODES as readonly string[]).includes(code) || isHttpCode(code);
}

export function publicCode(outcome: Outcome): PublicCode | undefined {
  const raw = outcome.code;
  if (raw !== undefined) {
    if (isPublicCode(raw)) return raw;
    if (Object.hasOwn(DESTINATION_WORDS, raw)) return DESTINATION_WORDS[raw];
  }
  return PROBLEMS.includes(outcome.status) ? 'destination_error' : undefined;
}

/** "This field is required.", "mobile is missing": a destination's way of saying `required`. */
function saysMissing(message: string): boolean {
  const lower = message.slice(0, 200).toLowerCase();
  return lower.includes('required') || lower.includes('missing');
}

/**
 * Field errors on our own field keys only, each as one of our codes: a code the destination gave in
 * our vocabulary, `required` for a field it said was missing (Pingtree's `missingField`, or words
 * saying so), else what a problem with that field most likely is.
 */
export function publicFieldErrors(outcome: Outcome): PublicOutcome['fieldErrors'] {
  const errors: Partial<Record<FieldKey, FieldErrorCode>> = {};
  for (const [key, message] of Object.entries(outcome.fieldErrors ?? {})) {
    if (!isFieldKey(key)) continue;
    errors[key] = isFieldErrorCode(message) ? message : outcome.code === 'missingField' || saysMissing(message) ? 'required' : fieldCode(key);
  }
  return Object.keys(errors).length > 0 ? errors : undefined;
}

/** A destination's own id, kept only when it looks like one (no spaces, no `@`, no markup). */
function publicId(id: string | undefined): string | undefined {
  return id !== undefined && id.length <= 100 && /^[\w.:-]+$/.test(id) ? id : undefined;
}

export function publicOutcome(outcome: Outcome): PublicOutcome {
  const code = publicCode(outcome);
  const destinationId = publicId(outcome.destinationId);
  const fieldErrors = publicFieldErrors(outcome);
  const wait = outcome.retryAfterSeconds;
  return {
    status: outcome.status,
    retryable: outcome.retryable,
    ...(code === undefined ? {} : { code }),
    ...(destinationId === undefined ? {} : { destinationId }),
    ...(fieldErrors === undefined ? {} : { fieldErrors }),
    ...(wait === undefined || !Number.isFinite(wait) ? {} : { retryAfterSeconds: Math.min(86_400, Math.max(0, Math.ceil(wait))) }),
  };
}
