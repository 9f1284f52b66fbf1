import { sha256Hex } from '../consent/record.js';
import type { LeadFields } from '../adapters/lead.js';

/**
 * Enhanced conversions (`enhanced-conversions`): the person's email and phone as the SHA-256 hex of
 * exactly the normalised form each ad platform specifies, so the platform's own hash of the same
 * person matches; the plain values never reach the dataLayer.
 *
 * - Google (Google Ads enhanced conversions, GA4 user-provided data; the Google Ads API and the
 *   Measurement Protocol state the rules, and the Google tag uses the same): email trimmed and
 *   lowercased, and for gmail.com and googlemail.com the periods before the `@` removed; phone in
 *   E.164 (`+` and digits). Keys `sha256_email_address`, `sha256_phone_number`.
 * - Meta (Conversions API customer information parameters, Pixel advanced matching): email trimmed
 *   and lowercased; phone digits only, country code included, no `+`. Keys `em`, `ph`.
 */
export interface HashedUserData {
  readonly sha256_email_address?: string;
  readonly sha256_phone_number?: string;
  readonly em?: string;
  readonly ph?: string;
}

/** Meta's email: trimmed and lowercased. */
export function metaEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Google's email: as Meta's, and a Gmail address without the periods of its local part. */
export function googleEmail(email: string): string {
  const normalised = metaEmail(email);
  const at = normalised.lastIndexOf('@');
  const domain = normalised.slice(at + 1);
  if (at < 0 || (domain !== 'gmail.com' && domain !== 'googlemail.com')) return normalised;
  return `${normalised.slice(0, at).replaceAll('.', '')}@${domain}`;
}

/** Google's phone: E.164, `+` and digits. Our phones are E.164 already; this keeps the rule exact. */
export function googlePhone(phone: string): string {
  return `+${metaPhone(phone)}`;
}

/** Meta's phone: digits only, with the country code. */
export function metaPhone(phone: string): string {
  return phone.replace(/\D/g, '');
}

/** The phone the lead gives for the person: the mobile, else the home, else the business number. */
function phoneOf(lead: LeadFields): string | undefined {
  return [lead['mobile'], lead['home_phone'], lead['business_phone']].find((phone) => phone !== undefined && metaPhone(phone) !== '');
}

/** The hashes of the lead's email and phone, for `user_data`; undefined when it has neither. */
export async function hashedUserData(lead: LeadFields): Promise<HashedUserData | undefined> {
  const email = lead['email']?.trim() || undefined;
  const phone = phoneOf(lead);
  if (email === undefined && phone === undefined) return undefined;
  const [googleMail, metaMail, googleTel, metaTel] = await Promise.all([
    email === undefined ? undefined : sha256Hex(googleEmail(email)),
    email === undefined ? undefined : sha256Hex(metaEmail(email)),
    phone === undefined ? undefined : sha256Hex(googlePhone(phone)),
    phone === undefined ? undefined : sha256Hex(metaPhone(phone)),
  ]);
  return {
    ...(googleMail === undefined ? {} : { sha256_email_address: googleMail }),
    ...(googleTel === undefined ? {} : { sha256_phone_number: googleTel }),
    ...(metaMail === undefined ? {} : { em: metaMail }),
    ...(metaTel === undefined ? {} : { ph: metaTel }),
  };
}
