import * as z from 'zod/mini';
import type { LeadEnvelope } from '../adapters/lead.js';
import { FIELD_CATALOGUE } from '../fields/catalogue.js';
import { isFieldKey, type FieldKey } from '../fields/keys.js';
import { fieldMessages, type Locale } from '../fields/messages/index.js';
import type { FieldErrorCode, RuleOptions } from '../fields/rules.js';
import { createLeadValidator } from '../fields/validate.js';

/**
 * The relay's check of a posted envelope: the lead through the very validator the widget uses
 * (issue 3, "one definition, two checkers"), and the evidence around it through zod/mini schemas.
 */

/** TrustedForm certificate URLs: `https://cert.trustedform.com/<40 hex>` (DESTINATIONS.md). */
export const TRUSTEDFORM_CERT_URL = /^https:\/\/cert\.trustedform\.com\/[0-9a-f]{40}$/i;
const TRUSTEDFORM_PING_URL = /^https:\/\/ping\.trustedform\.com\/[\w.~-]+$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
const text = (max: number) => z.string().check(z.maxLength(max, 'too_long'));

const consentSchema = z.object({
  text: z.string().check(z.minLength(1, 'required'), z.maxLength(20_000, 'too_long')),
  sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/, 'characters')),
  sellers: z.array(text(200)).check(z.maxLength(50, 'too_long')),
  checkedAt: z.nullable(z.string().check(z.regex(ISO_TIME, 'date'))),
  submittedAt: z.string().check(z.regex(ISO_TIME, 'date')),
  pageUrl: z.string().check(z.maxLength(4000, 'too_long'), z.regex(/^https?:\/\//, 'characters')),
  version: z.optional(text(200)),
});

const trustedformSchema = z.object({
  certUrl: z.string().check(z.regex(TRUSTEDFORM_CERT_URL, 'characters')),
  pingUrl: z.optional(z.string().check(z.regex(TRUSTEDFORM_PING_URL, 'characters'))),
  token: z.optional(z.string().check(z.regex(TRUSTEDFORM_CERT_URL, 'characters'))),
});

/** Tracking values are short printable text (UTM tags, click ids, referrer, landing page). */
const trackingSchema = z.record(
  z.string().check(z.regex(/^[a-z][a-z0-9_]{0,39}$/, 'unknown_field')),
  z.string().check(z.maxLength(2000, 'too_long'), z.regex(/^[^\p{Cc}]*$/u, 'characters')),
);

const envelopeSchema = z.object({
  destination: z.optional(text(100)),
  lead: z.record(z.string(), z.unknown()),
  consent: z.optional(consentSchema),
  trustedform: z.optional(trustedformSchema),
  jornaya: z.optional(z.object({ leadId: z.string().check(z.regex(GUID, 'characters')) })),
  tracking: z.optional(trackingSchema),
  bot: z.optional(
    z.object({
      honeypot: z.string().check(z.maxLength(1000, 'too_long')),
      elapsedMs: z.number(),
      challengeToken: z.optional(text(4000)),
    }),
  ),
});

/** What a destination insists on, from the relay's configuration. */
export interface EnvelopeRules extends RuleOptions {
  /** The fields the destination takes: only these are read; any other is `unknown_field`. */
  readonly fields: readonly FieldKey[];
  readonly required: readonly FieldKey[];
  /** Whether a lead without a consent record is refused. */
  readonly requireConsent: boolean;
}

export type EnvelopeCheck =
  | { readonly ok: true; readonly envelope: LeadEnvelope }
  /** The relay answers these as `422 { errors, codes }`: a message and a code per bad field. */
  | { readonly ok: false; readonly errors: Record<string, string>; readonly codes: Record<string, FieldErrorCode> };

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
  const envelope = parsed.data;
  if (rules.requireConsent && envelope.consent === undefined) codes['consent'] = 'required';
  const validator = createLeadValidator(rules);
  const lead = validator.lead(envelope.lead);
  if (!lead.ok) {
    for (const [key, code] of Object.entries(lead.errors)) if (code) codes[key] = code;
  }
  if (!lead.ok || Object.keys(codes).length > 0) return failure(codes, locale, rules);
  return { ok: true, envelope: { ...stripUndefined(envelope), lead: lead.lead } as LeadEnvelope };
}

function toCode(message: string, zodCode: string): FieldErrorCode {
  if (zodCode === 'invalid_type') return 'required';
  return (message as FieldErrorCode) ?? 'characters';
}

function failure(codes: Record<string, FieldErrorCode>, locale: Locale, rules: EnvelopeRules): EnvelopeCheck {
  const messages = fieldMessages(locale);
  const errors = Object.fromEntries(
    Object.entries(codes).map(([path, code]) => {
      const key = isFieldKey(path) ? path : undefined;
      const label = key ? messages.labels[key] : path;
      const maxLength = key ? FIELD_CATALOGUE[key].maxLength : 0;
      return [path, messages.errors[code]({ label, maxLength, minAge: rules.minAge })];
    }),
  );
  return { ok: false, errors, codes };
}

function stripUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, entry]) => entry !== undefined)) as T;
}
