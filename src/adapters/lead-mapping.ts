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
 * Tracking values have their own namespace, `{tracking.utm_source}`; a bare `{utm_source}` still
 * reads them, but never over a lead value: a page's `?full_name=` cannot rename the person.
 * Unknown placeholders become empty; the result is trimmed of dangling separators.
 */
export function fillTemplate(template: string, envelope: LeadEnvelope, extra: Readonly<Record<string, string>> = {}): string {
  const { full } = personName(envelope.lead);
  const tracking = envelope.tracking ?? {};
  const namespaced = Object.fromEntries(Object.entries(tracking).map(([key, value]) => [`tracking.${key}`, value]));
  const values: Record<string, string | undefined> = { ...tracking, ...envelope.lead, full_name: full, ...namespaced, ...extra };
  return template
    .replace(/\{([\w.]+)\}/g, (_, name: string) => (Object.hasOwn(values, name) ? values[name] : undefined) ?? '')
    .replace(/^[\s:–-]+|[\s:–-]+$/g, '')
    .replace(/\s{2,}/g, ' ');
}

/** The ad click ids a last touch may carry, the partner's own first (DESIGN.md, "Attribution"). */
const CLICK_IDS = ['click_id', 'gclid', 'gbraid', 'wbraid', 'fbclid', 'msclkid', 'ttclid'] as const;

/** The one click id of a touch, for destinations with a single place for it. */
export function clickId(tracking: Readonly<Record<string, string>>): string | undefined {
  return CLICK_IDS.map((key) => tracking[key]).find((value) => value !== undefined && value !== '');
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

/** The address fields, written as one line where a destination has no address of its own. */
const ADDRESS_FIELDS = ['address', 'address2', 'city', 'state', 'zip_code', 'country'] as const;

/** Labels for the person fields a destination may have no place for, in the order they are written. */
const UNPLACED_LABELS: readonly (readonly [string, string])[] = [
  ['company', 'Company'],
  ['job_title', 'Job title'],
  ['address', 'Address'],
  ['date_of_birth', 'Date of birth'],
  ['mobile', 'Mobile'],
  ['home_phone', 'Home phone'],
  ['business_phone', 'Business phone'],
];

/**
 * `Label: value` lines for the person's fields that the destination's mapping did not place
 * (`placed` lists our keys it did), so nothing the person gave is dropped: the address as one line
 * ("350 Fifth Avenue, New York, NY 10118").
 */
export function unplacedLines(lead: LeadFields, placed: readonly string[]): string[] {
  return UNPLACED_LABELS.flatMap(([key, label]) => {
    if (placed.includes(key)) return [];
    const value = key === 'address' ? addressLine(lead, placed) : lead[key];
    return value === undefined || value === '' ? [] : [`${label}: ${value}`];
  });
}

function addressLine(lead: LeadFields, placed: readonly string[]): string | undefined {
  const part = (key: (typeof ADDRESS_FIELDS)[number]) => (placed.includes(key) ? undefined : lead[key]);
  const stateZip = [part('state'), part('zip_code')].filter(Boolean).join(' ');
  const line = [part('address'), part('address2'), part('city'), stateZip, part('country')].filter(Boolean).join(', ');
  return line === '' ? undefined : line;
}

/** A description with lines added after the person's own text, a blank line between. */
export function describeWith(description: string | undefined, lines: readonly string[]): string | undefined {
  if (lines.length === 0) return description;
  return [description, lines.join('\n')].filter((part) => part !== undefined && part !== '').join('\n\n');
}
