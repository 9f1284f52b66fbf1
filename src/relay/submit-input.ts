import type { SubmitStepInput } from '../adapters/lead.js';
import { checkPhone, type PhoneCountry } from '../fields/phone.js';
import type { FieldErrorCode } from '../fields/rules.js';
import { consentCode, consentSchema, trustedformSchema } from './envelope.js';

export type SubmitInputCheck =
  | { readonly ok: true; readonly input: SubmitStepInput }
  | { readonly ok: false; readonly errors: Record<string, string>; readonly codes: Record<string, FieldErrorCode> };

function refused(path: string, message: string, code: FieldErrorCode): SubmitInputCheck {
  return { ok: false, errors: { [path]: message }, codes: { [path]: code } };
}

/**
 * The submit step's `{ trustedform?, mobile?, consent? }` (the `id` beside them is the route's), each
 * checked as the create step checks them: the consent record of the consent step (deferred consent)
 * with the create step's schema, its hash against its text and, where the destination pins its
 * disclosures (`acceptConsent`), against those.
 */
export function checkSubmitInput(body: unknown, country: PhoneCountry, acceptConsent?: readonly string[]): SubmitInputCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refused('body', 'Expected an object.', 'characters');
  const { trustedform, mobile, consent } = body as { trustedform?: unknown; mobile?: unknown; consent?: unknown };
  const input: { -readonly [K in keyof SubmitStepInput]: SubmitStepInput[K] } = {};
  if (mobile !== undefined) {
    const phone = typeof mobile === 'string' && mobile.length <= 100 ? checkPhone(mobile.normalize('NFKC'), country) : undefined;
    if (!phone?.ok) return refused('mobile', 'Enter a valid mobile phone number.', phone?.error ?? 'characters');
    input.mobile = phone.e164;
  }
  if (trustedform !== undefined) {
    const certificate = trustedformSchema.safeParse(trustedform);
    if (!certificate.success) {
      const path = ['trustedform', ...(certificate.error.issues[0]?.path ?? []).map(String)].join('.');
      return refused(path, 'Not a TrustedForm certificate.', 'characters');
    }
    const { certUrl, pingUrl, token } = certificate.data;
    input.trustedform = { certUrl, ...(pingUrl === undefined ? {} : { pingUrl }), ...(token === undefined ? {} : { token }) };
  }
  if (consent !== undefined) {
    const record = consentSchema.safeParse(consent);
    if (!record.success) {
      const issue = record.error.issues[0];
      const path = ['consent', ...(issue?.path ?? []).map(String)].join('.');
      return refused(path, 'Not a consent record.', 'characters');
    }
    const { version, ...rest } = record.data;
    const evidence = { ...rest, ...(version === undefined ? {} : { version }) };
    const problem = consentCode(evidence, acceptConsent);
    if (problem) return refused(problem[0], problem[0] === 'consent' ? 'This disclosure is not accepted.' : 'The hash is not the text’s.', problem[1]);
    input.consent = evidence;
  }
  return { ok: true, input };
}
