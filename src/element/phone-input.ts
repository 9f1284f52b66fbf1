import { checkPhone, formatPhoneAsYouType, type PhoneCountry } from '../fields/phone.js';

/**
 * How a phone field's text is written as the person types and leaves it. Pure: the text in, the text
 * to show out.
 */

/** What people type into a phone field: digits (any width), spaces and the usual punctuation. */
const PHONE_CHARACTERS = /^[\p{Nd}\s()+.-]*$/u;
/** A number written for another country ("+44 7700 900123"): kept as the person spaced it. */
const FOREIGN_NUMBER = /^\s*\+(?!\s*1)/;

/**
 * "(212) 555-01" while typing at the end. Only text made of phone characters is formatted (AsYouType
 * drops letters, and a person's "call me" must reach the validator, not vanish), and never a number
 * of another country, which our metadata cannot space.
 */
export function formatWhileTyping(value: string, atEnd: boolean, deleting: boolean, country: PhoneCountry): string {
  if (!atEnd || deleting || !PHONE_CHARACTERS.test(value) || FOREIGN_NUMBER.test(value)) return value;
  return formatPhoneAsYouType(value, country);
}

/** "(212) 555-0123" for any valid way of writing a number of the form's country (edits mid-number, +1…), else as typed. */
export function formatOnLeave(value: string, country: PhoneCountry): string {
  if (FOREIGN_NUMBER.test(value)) return value;
  const checked = checkPhone(value, country);
  return checked.ok ? formatPhoneAsYouType(checked.national, country) : value;
}

/** A number a page pre-filled as +12125550123 is shown as people write it. */
export function displayPhone(value: string, country: PhoneCountry): string {
  return /^\+1\d{10}$/.test(value) ? formatOnLeave(value, country) : value;
}
