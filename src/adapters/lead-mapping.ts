import type { LeadEnvelope, LeadFields } from './lead.js';

/**
 * Small pure conversions that several adapters' mapping tables use. Adapters import nothing of ours
 * but `adapters/` (DESIGN.md), so these work on the lead's normalised values as strings.
 */

/** `+12125550123` (our E.164) → `2125550123`, the "10 digits, no formatting" MLAS and Pingtree take. */
export function tenDigits(phone: string | undefined): string | undefined {
  if (phone === undefined) return undefined;
  const digits = phone.replace(/\D/g, '');
  return digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
}

/** First and last name, from their own fields or split from `full_name` ("Mary Ann Smith" → "Mary Ann", "Smith"). */
export function personName(lead: LeadFields): { first: string | undefined; last: string | undefined; full: string | undefined } {
  const fullName = lead['full_name'];
  let first = lead['first_name'];
  let last = lead['last_name'];
  if ((first === undefined || last === undefined) && fullName !== undefined) {
    const parts = fullName.split(' ');
    const tail = parts.length > 1 ? parts.pop() : undefined;
    first ??= parts.join(' ');
    last ??= tail;
  }
  const full = fullName ?? ([first, last].filter(Boolean).join(' ') || undefined);
  return { first, last, full };
}

/**
 * Fills `{placeholders}` from the lead, its name and the settings: `"{source}: {full_name}"`.
 * Unknown placeholders become empty; the result is trimmed of dangling separators.
 */
export function fillTemplate(template: string, envelope: LeadEnvelope, extra: Readonly<Record<string, string>> = {}): string {
  const { full } = personName(envelope.lead);
  const values: Record<string, string | undefined> = { ...envelope.lead, full_name: full, ...envelope.tracking, ...extra };
  return template
    .replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? '')
    .replace(/^[\s:–-]+|[\s:–-]+$/g, '')
    .replace(/\s{2,}/g, ' ');
}

/** The 40-hex certificate ID at the end of a TrustedForm certificate URL (MLAS wants the ID). */
export function trustedFormCertificateId(certUrl: string | undefined): string | undefined {
  return certUrl === undefined ? undefined : /\/([0-9a-f]{40})$/i.exec(certUrl)?.[1]?.toLowerCase();
}

const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  US: 'United States',
  CA: 'Canada',
  PR: 'Puerto Rico',
  GU: 'Guam',
  VI: 'U.S. Virgin Islands',
  AS: 'American Samoa',
  MP: 'Northern Mariana Islands',
};

/** TrackerRMS's sample sends `"country": "United States"`, not a code. */
export function countryName(code: string | undefined): string | undefined {
  return code === undefined ? undefined : (COUNTRY_NAMES[code] ?? code);
}

/** Drops undefined and empty values, so a destination never receives `"field": undefined` or `""`. */
export function compact<T extends Record<string, unknown>>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined && value !== '')) as Partial<T>;
}
