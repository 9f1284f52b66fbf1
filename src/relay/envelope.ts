import * as z from 'zod/mini';
import type { ConsentEvidence, LeadEnvelope } from '../adapters/lead.js';
import { answerMessage } from '../fields/answers.js';
import { errorMessage, fieldMessages, type Locale } from '../fields/messages/index.js';
import { isFieldErrorCode, type FieldErrorCode } from '../fields/rules.js';
import { createLeadValidator, type LeadRules } from '../fields/validate.js';
import { checkTouch } from '../tracking/schema.js';
import { sha256Hex } from './hash.js';

/**
 * The relay's check of a posted envelope: the lead through the very validator the widget uses
 * (issue 3, "one definition, two checkers"), its answers by the rules built from the destination's
 * own question definitions (issue 16: never the browser's copy), the tracking through the touch check the tracking
 * module defines, and the evidence around them through zod/mini schemas.
 */

/** TrustedForm certificate URLs: `https://cert.trustedform.com/<40 hex>` (DESTINATIONS.md). */
export const TRUSTEDFORM_CERT_URL = /^https:\/\/cert\.trustedform\.com\/[0-9a-f]{40}$/i;
const TRUSTEDFORM_PING_URL = /^https:\/\/ping\.trustedform\.com\/[\w.~-]+$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const text = (max: number) => z.string().check(z.maxLength(max, 'too_long'));

/** A consent record as the create and the submit step take it. */
export const consentSchema = z.object({
  text: z.string().check(z.minLength(1, 'required'), z.maxLength(20_000, 'too_long')),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'characters')),
  sellers: z.array(text(200)).check(z.maxLength(50, 'too_long')),
  checkedAt: z.nullable(z.string().check(z.regex(ISO_TIME, 'date'))),
  submittedAt: z.string().check(z.regex(ISO_TIME, 'date')),
  pageUrl: z.string().check(z.maxLength(4000, 'too_long'), z.regex(/^https?:\/\//, 'characters')),
  version: z.optional(text(200)),
});

/** A TrustedForm certificate as the create and the submit step take it. */
export const trustedformSchema = z.object({
  certUrl: z.string().check(z.regex(TRUSTEDFORM_CERT_URL, 'characters')),
  pingUrl: z.optional(z.string().check(z.regex(TRUSTEDFORM_PING_URL, 'characters'))),
  token: z.optional(z.string().check(z.regex(TRUSTEDFORM_CERT_URL, 'characters'))),
});

const envelopeSchema = z.object({
  destination: z.optional(text(100)),
  lead: z.record(z.string(), z.unknown()),
  consent: z.optional(consentSchema),
  trustedform: z.optional(trustedformSchema),
  jornaya: z.optional(z.object({ leadId: z.string().check(z.regex(GUID, 'characters')) })),
  // Checked by `checkTouch` below: unknown keys are dropped there, never refused.
  tracking: z.optional(z.unknown()),
  first_touch: z.optional(z.unknown()),
  bot: z.optional(
    z.object({
      honeypot: z.string().check(z.maxLength(1000, 'too_long')),
      elapsedMs: z.number(),
      challengeToken: z.optional(text(4000)),
    }),
  ),
});

/**
 * What a destination insists on, from the relay's configuration: the fields it takes and its
 * `questions` (only these keys are read; any other is `unknown_field`), what is required, and more.
 */
export interface EnvelopeRules extends LeadRules {
  /** Whether a lead without a consent record is refused. */
  readonly requireConsent: boolean;
  /** The disclosures (SHA-256 of the text, or version) the destination accepts; undefined: any. */
  readonly acceptConsent?: readonly string[] | undefined;
  /** The destination's own tracking keys beside ours. */
  readonly trackingParams?: readonly string[];
}

export type EnvelopeCheck =
  | { readonly ok: true; readonly envelope: LeadEnvelope }
  /** The relay answers these as `422 { errors, codes }`: a message and a code per bad field. */
  | { readonly ok: false; readonly errors: Record<string, string>; readonly codes: Record<string, FieldErrorCode> };

/** At most this many problems are listed: a 64 KB body of bad keys once made a 418 KB answer. */
export const MAX_LISTED_ERRORS = 20;
/** A path longer than this is not one of ours; it is cut, not echoed whole. */
const MAX_PATH = 60;

/**
 * The consent record's own checks (issue 11): the hash must be the text's — a made-up record with
 * an all-zero hash was once forwarded as evidence — and, where the destination pins its
 * disclosures, the text's hash or version must be one of them.
 */
export function consentCode(consent: ConsentEvidence, accept: readonly string[] | undefined): [path: string, code: FieldErrorCode] | undefined {
  const hash = sha256Hex(consent.text);
  if (hash !== consent.sha256) return ['consent.sha256', 'characters'];
  if (accept && !accept.includes(hash) && !(consent.version !== undefined && accept.includes(consent.version))) return ['consent', 'option'];
  return undefined;
}

/** Checks a parsed JSON body as the relay receives it. Messages are in `locale` (the Accept-Language). */
export function checkEnvelope(body: unknown, rules: EnvelopeRules, locale: Locale = 'en'): EnvelopeCheck {
  const codes: Record<string, FieldErrorCode> = {};
  const parsed = envelopeSchema.safeParse(body);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.map(String).join('.') || 'body';
      codes[path] ??= toCode(issue.message, issue.code);
    }
    return failure(codes, locale, rules);
  }
  const { tracking, first_touch: firstTouch, ...envelope } = parsed.data;
  const touches: Record<string, Readonly<Record<string, string>>> = {};
  for (const [kind, value] of [['tracking', tracking], ['first_touch', firstTouch]] as const) {
    if (value === undefined) continue;
    const touch = checkTouch(value, kind, rules.trackingParams);
    if (touch.ok) touches[kind] = touch.value;
    else Object.assign(codes, touch.errors);
  }
  if (envelope.consent === undefined) {
    if (rules.requireConsent) codes['consent'] = 'required';
  } else {
    const problem = consentCode(envelope.consent, rules.acceptConsent);
    if (problem) codes[problem[0]] = problem[1];
  }
  const lead = createLeadValidator(rules).lead(envelope.lead);
  if (!lead.ok) {
    for (const [key, code] of Object.entries(lead.errors)) if (code) codes[key] = code;
  }
  if (!lead.ok || Object.keys(codes).length > 0) return failure(codes, locale, rules);
  return { ok: true, envelope: { ...stripUndefined(envelope), ...touches, lead: lead.lead } as LeadEnvelope };
}

/**
 * The consent evidence as forwarded: the browser's times beside the relay's own receive time,
 * which the browser cannot set (issue 11).
 */
export function withReceivedAt(envelope: LeadEnvelope, receivedAt: Date): LeadEnvelope {
  if (envelope.consent === undefined) return envelope;
  return { ...envelope, consent: { ...envelope.consent, receivedAt: receivedAt.toISOString() } as ConsentEvidence };
}

/** Our code for a zod issue; a message that is not one of our codes never reaches the messages. */
function toCode(message: string, zodCode: string): FieldErrorCode {
  if (zodCode === 'invalid_type') return 'required';
  if (isFieldErrorCode(message)) return message;
  return zodCode === 'invalid_key' || zodCode === 'unrecognized_keys' ? 'unknown_field' : 'characters';
}

function failure(codes: Record<string, FieldErrorCode>, locale: Locale, rules: EnvelopeRules): EnvelopeCheck {
  const messages = fieldMessages(locale);
  const questions = new Map((rules.questions ?? []).map((question) => [question.name, question]));
  // An answer's problem in the widget's own words for it: its label, bounds and how it is answered.
  const message = (path: string, code: FieldErrorCode) => {
    const question = questions.get(path);
    return question ? answerMessage(messages, question, code, locale) : errorMessage(messages, path, code, { minAge: rules.minAge, country: rules.country });
  };
  const listed = Object.entries(codes)
    .slice(0, MAX_LISTED_ERRORS)
    .map(([path, code]) => [path.length > MAX_PATH ? `${path.slice(0, MAX_PATH)}…` : path, code] as const);
  return {
    ok: false,
    errors: Object.fromEntries(listed.map(([path, code]) => [path, message(path, code)])),
    codes: Object.fromEntries(listed),
  };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
