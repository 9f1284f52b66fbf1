import { formatNanpAsYouType } from '../fields/phone-format.js';
import type { PhoneCountry } from '../fields/phone-countries.js';

/**
 * How a phone field's text is written as the person types. Pure, and free of libphonenumber-js, so
 * it is in the first chunk: a number typed before validation arrives is formatted all the same.
 */

/** What people type into a phone field: digits (any width), spaces and the usual punctuation. */
const PHONE_CHARACTERS = /^[\p{Nd}\s()+.-]*$/u;
/** A number written for another country ("+44 7700 900123"): kept as the person spaced it. */
export const FOREIGN_NUMBER = /^\s*\+(?!\s*1)/;

/**
 * "(212) 555-01" while typing at the end. Only text made of phone characters is formatted (AsYouType
 * drops letters, and a person's "call me" must reach the validator, not vanish), and never a number
 * of another country, which our metadata cannot space. Every country the widget ships shares the
 * North American plan's format, so the country does not change it.
 */
export function formatWhileTyping(value: string, atEnd: boolean, deleting: boolean, _country: PhoneCountry): string {
  if (!atEnd || deleting || !PHONE_CHARACTERS.test(value) || FOREIGN_NUMBER.test(value)) return value;
  return formatNanpAsYouType(value);
}
