// libphonenumber-js's own modern build (`core/es6`, untranspiled): the same functions without Babel's
// class and spread helpers, 2.4 KB gzip less than `core`.
import { parsePhoneNumberFromString } from 'libphonenumber-js/core/es6';
import { formatNanpAsYouType } from './phone-format.js';
import { phoneMetadata } from './phone-metadata.generated.js';
import type { PhoneCountry } from './phone-countries.js';

export { isPhoneCountry, SUPPORTED_PHONE_COUNTRIES, type PhoneCountry } from './phone-countries.js';

/**
 * Phone validity is libphonenumber-js's call, never a regex: it knows which area codes and exchanges
 * exist. The metadata is a slice generated at build time (scripts/phone-metadata.mjs) so the bundle
 * carries only the countries the widget supports (phone-countries.ts).
 */

/**
 * US territories have their own regions in libphonenumber (787 is "PR"), yet a US form must take a
 * Puerto Rico resident's number, so any of these regions answers for any other.
 */
const US_REGIONS: readonly string[] = ['US', 'PR', 'GU', 'VI', 'AS', 'MP'];

function acceptedRegions(country: PhoneCountry): readonly string[] {
  return US_REGIONS.includes(country) ? US_REGIONS : [country];
}

export type PhoneCheck =
  | { readonly ok: true; readonly e164: string; readonly national: string }
  | { readonly ok: false; readonly error: 'phone' | 'phone_length' };

/**
 * Decides whether `text` is a phone number that can exist in `country`'s region. Every country we
 * ship is in the North American Numbering Plan, so a number is ten digits after an optional 1.
 */
export function checkPhone(text: string, country: PhoneCountry): PhoneCheck {
  const digits = text.replace(/\D/g, '');
  // Written for another country (+44 …): not a matter of digits, so not "enter 10 digits" but "a US number".
  if (text.trim().startsWith('+') && !digits.startsWith('1')) return { ok: false, error: 'phone' };
  const national = digits.length === 11 && digits.startsWith('1') ? digits.slice(1) : digits;
  if (national.length !== 10) return { ok: false, error: 'phone_length' };
  const parsed = parsePhoneNumberFromString(text, country, phoneMetadata);
  if (!parsed || parsed.countryCallingCode !== '1' || !parsed.isValid()) return { ok: false, error: 'phone' };
  const region = parsed.country;
  if (region === undefined || !acceptedRegions(country).includes(region)) {
    return { ok: false, error: 'phone' };
  }
  return { ok: true, e164: parsed.number, national: parsed.nationalNumber };
}

/**
 * Formats a partly typed number the way people write it: "(212) 555-01". Every country in the slice
 * shares the North American plan's format, so the country does not change it.
 */
export function formatPhoneAsYouType(text: string, _country: PhoneCountry): string {
  return formatNanpAsYouType(text);
}
