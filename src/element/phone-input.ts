import { checkPhone, formatPhoneAsYouType, type PhoneCountry } from '../fields/phone.js';
import { FOREIGN_NUMBER } from './phone-typing.js';

export { formatWhileTyping } from './phone-typing.js';

/**
 * How a phone field's text is written as the person leaves it, once libphonenumber-js has judged it
 * (the validation chunk). Pure: the text in, the text to show out.
 */

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
