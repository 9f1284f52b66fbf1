import type { SubmitStepInput } from '../adapters/lead.js';
import { checkPhone, type PhoneCountry } from '../fields/phone.js';
import type { FieldErrorCode } from '../fields/rules.js';
import { trustedformSchema } from './envelope.js';

export type SubmitInputCheck =
  | { readonly ok: true; readonly input: SubmitStepInput }
  | { readonly ok: false; readonly errors: Record<string, string>; readonly codes: Record<string, FieldErrorCode> };

function refused(path: string, message: string, code: FieldErrorCode): SubmitInputCheck {
  return { ok: false, errors: { [path]: message }, codes: { [path]: code } };
}

/** The submit step's `{ trustedform?, mobile? }` (the `id` beside them is the route's), each checked as the create step checks them. */
export function checkSubmitInput(body: unknown, country: PhoneCountry): SubmitInputCheck {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return refused('body', 'Expected an object.', 'characters');
  const { trustedform, mobile } = body as { trustedform?: unknown; mobile?: unknown };
  const input: { trustedform?: SubmitStepInput['trustedform']; mobile?: string } = {};
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
  return { ok: true, input };
}
