import type { FieldKey } from '../../src/fields/keys.js';
import type { FieldErrorCode, RuleOptions } from '../../src/fields/rules.js';

/**
 * The one table of values that the browser (the element, as a person uses it) and the relay (the
 * envelope check) must judge alike. Each row: what was typed, and either the normalised value sent
 * or the error code refused with.
 */
export type FieldCase =
  | { readonly field: FieldKey; readonly input: string; readonly value: string; readonly why: string }
  | { readonly field: FieldKey; readonly input: string; readonly error: FieldErrorCode; readonly why: string };

/**
 * The options every row is judged under. `today` is the real date, because the element judges ages
 * against the visitor's clock: the age rows below are built from it, so they hold on any day.
 */
const now = new Date();
const TODAY = new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())).toISOString().slice(0, 10);
export const CASE_RULES: RuleOptions = { country: 'US', minAge: 18, today: TODAY };

/** `today` moved by whole years and days, as an ISO date (the local calendar day, as the element counts). */
function shifted(years: number, days: number): string {
  const date = new Date(`${TODAY}T00:00:00Z`);
  date.setUTCFullYear(date.getUTCFullYear() + years);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const LONG = 'a'.repeat(10_000);

export const FIELD_CASES: readonly FieldCase[] = [
  // names
  { field: 'first_name', input: 'Jane', value: 'Jane', why: 'a plain name' },
  { field: 'first_name', input: '  Jean-Luc  ', value: 'Jean-Luc', why: 'spaces around are trimmed' },
  { field: 'last_name', input: "O'Brien", value: "O'Brien", why: 'apostrophes are part of names' },
  { field: 'last_name', input: 'García Márquez', value: 'García Márquez', why: 'accents and two surnames' },
  { field: 'last_name', input: 'Nguyễn', value: 'Nguyễn', why: 'combining marks' },
  { field: 'first_name', input: 'Ｊａｎｅ', value: 'Jane', why: 'full-width letters fold to ASCII' },
  { field: 'first_name', input: LONG, error: 'too_long', why: 'a 10,000-character string' },
  { field: 'first_name', input: 'a'.repeat(51), error: 'too_long', why: 'MLAS takes 1–50 characters' },
  { field: 'first_name', input: 'Jane2', error: 'characters', why: 'digits are not a name' },
  { field: 'first_name', input: '<script>alert(1)</script>', error: 'characters', why: 'a script fragment' },
  { field: 'first_name', input: '<b>Jane</b>', error: 'characters', why: 'HTML' },
  { field: 'last_name', input: "Robert'); DROP TABLE leads;--", error: 'characters', why: 'SQL-looking text' },
  { field: 'first_name', input: 'Jane😀', error: 'characters', why: 'emoji' },
  { field: 'first_name', input: 'Ja\u0000ne', error: 'characters', why: 'a NUL control character' },
  { field: 'first_name', input: 'Ja\u202Ene', error: 'characters', why: 'a bidi override' },
  { field: 'full_name', input: 'Jane  Q.  Public', value: 'Jane Q. Public', why: 'inner runs of spaces fold' },
  // email
  { field: 'email', input: ' Jane.Doe@Example.COM ', value: 'jane.doe@example.com', why: 'trimmed and lowercased' },
  { field: 'email', input: 'jane+quotes@example.co.uk', value: 'jane+quotes@example.co.uk', why: 'plus addressing' },
  { field: 'email', input: 'jane@', error: 'email', why: 'no domain' },
  { field: 'email', input: 'jane@example', error: 'email', why: 'no top-level domain' },
  { field: 'email', input: 'jane@@example.com', error: 'email', why: 'two @' },
  { field: 'email', input: 'jane doe@example.com', error: 'email', why: 'a space inside: refused, never sent as another address' },
  { field: 'email', input: 'jane@example .com', error: 'email', why: 'a space inside the domain' },
  { field: 'email', input: 'a@b-.com', error: 'email', why: 'a domain label ending in a hyphen (the HTML standard refuses it)' },
  { field: 'email', input: `a@${'b'.repeat(64)}.com`, error: 'email', why: 'a domain label over 63 characters' },
  { field: 'email', input: 'ｊａｎｅ@example.com', error: 'email', why: 'full-width letters: offered folded, never folded unasked' },
  { field: 'email', input: '<script>@x.com', error: 'email', why: 'a script fragment' },
  { field: 'email', input: `${LONG}@example.com`, error: 'too_long', why: 'a 10,000-character string' },
  // phones
  { field: 'mobile', input: '(212) 555-0123', value: '+12125550123', why: 'formatted as people write it' },
  { field: 'mobile', input: '2015550123', value: '+12015550123', why: 'digits only' },
  { field: 'mobile', input: '+1 201-555-0123', value: '+12015550123', why: 'with the country code' },
  { field: 'mobile', input: '1 (201) 555 0123', value: '+12015550123', why: 'a leading 1' },
  { field: 'mobile', input: '２０１５５５０１２３', value: '+12015550123', why: 'full-width digits' },
  { field: 'mobile', input: '787 555 1234', value: '+17875551234', why: 'a Puerto Rico number on a US form' },
  { field: 'mobile', input: '5551234567', error: 'phone', why: '555 is not an assigned area code' },
  { field: 'mobile', input: '0125550123', error: 'phone', why: 'an area code cannot start with 0' },
  { field: 'mobile', input: '1125550123', error: 'phone', why: 'an area code cannot start with 1' },
  { field: 'mobile', input: '2120550123', error: 'phone', why: 'an exchange cannot start with 0' },
  { field: 'mobile', input: '2121550123', error: 'phone', why: 'an exchange cannot start with 1' },
  { field: 'mobile', input: '416 555 0123', error: 'phone', why: 'a Canadian number on a US form' },
  { field: 'mobile', input: '+44 7700 900123', error: 'phone', why: 'another country’s number (+44) on a US form' },
  { field: 'mobile', input: '212555012', error: 'phone_length', why: 'nine digits' },
  { field: 'mobile', input: '21255501234', error: 'phone_length', why: 'eleven digits not starting with 1' },
  { field: 'mobile', input: LONG, error: 'phone_length', why: 'a 10,000-character string' },
  { field: 'home_phone', input: '(312) 555-0199', value: '+13125550199', why: 'a home phone' },
  { field: 'business_phone', input: 'call me', error: 'phone_length', why: 'words' },
  // address
  { field: 'address', input: '123 Main St., Apt #4', value: '123 Main St., Apt #4', why: 'a street address' },
  { field: 'address', input: "1 O'Hare Way; DROP TABLE x", value: "1 O'Hare Way; DROP TABLE x", why: 'SQL-looking text is only text' },
  { field: 'address', input: '<img src=x onerror=alert(1)>', error: 'characters', why: 'markup' },
  { field: 'address', input: '1 Main 🏠', error: 'characters', why: 'emoji' },
  { field: 'address', input: LONG, error: 'too_long', why: 'a 10,000-character string' },
  { field: 'address2', input: 'Suite 400', value: 'Suite 400', why: 'a second line' },
  { field: 'address', input: '1½ Main St', value: '1½ Main St', why: 'a fraction stays a fraction (NFKC made it "11⁄2")' },
  { field: 'address', input: '１２ Main St', value: '12 Main St', why: 'full-width digits fold to ASCII' },
  { field: 'last_name', input: 'Nguye\u0302\u0303n', value: 'Nguyễn', why: 'accents typed as separate marks are composed' },
  // city
  { field: 'city', input: 'New York', value: 'New York', why: 'letters and spaces' },
  { field: 'city', input: 'St. Louis', value: 'St Louis', why: 'periods are dropped (Pingtree: letters and spaces only)' },
  { field: 'city', input: 'Winston-Salem', value: 'Winston Salem', why: 'hyphens become spaces' },
  { field: 'city', input: 'Apt 5', error: 'characters', why: 'digits are not a city' },
  // state
  { field: 'state', input: 'NY', value: 'NY', why: 'a state code' },
  { field: 'state', input: 'ny', value: 'NY', why: 'lowercase' },
  { field: 'state', input: 'California', value: 'CA', why: 'a full name' },
  { field: 'state', input: 'PR', value: 'PR', why: 'a territory' },
  { field: 'state', input: 'DC', value: 'DC', why: 'the District of Columbia' },
  { field: 'state', input: 'XX', error: 'state', why: 'not a state' },
  // ZIP
  { field: 'zip_code', input: '10001', value: '10001', why: 'five digits' },
  { field: 'zip_code', input: '10001-1234', value: '10001', why: 'ZIP+4 is sent as the 5-digit ZIP' },
  { field: 'zip_code', input: '100011234', value: '10001', why: 'ZIP+4 without the hyphen' },
  { field: 'zip_code', input: '１０００１', value: '10001', why: 'full-width digits' },
  { field: 'zip_code', input: '1000', error: 'zip', why: 'four digits' },
  { field: 'zip_code', input: '00000', error: 'zip', why: 'no such ZIP' },
  { field: 'zip_code', input: 'ABCDE', error: 'zip', why: 'letters' },
  // country
  { field: 'country', input: 'US', value: 'US', why: 'a code' },
  { field: 'country', input: 'united states', value: 'US', why: 'a name' },
  { field: 'country', input: 'Narnia', error: 'country', why: 'not offered' },
  // date of birth
  { field: 'date_of_birth', input: '1985-04-23', value: '1985-04-23', why: 'ISO, as a date input gives it' },
  { field: 'date_of_birth', input: '4/23/1985', value: '1985-04-23', why: 'US style typed by hand' },
  { field: 'date_of_birth', input: '1992-02-29', value: '1992-02-29', why: 'a leap day' },
  { field: 'date_of_birth', input: '1990-02-29', error: 'date', why: 'no leap day that year' },
  { field: 'date_of_birth', input: '1985-13-01', error: 'date', why: 'month 13' },
  { field: 'date_of_birth', input: shifted(4, 0), error: 'date_future', why: 'in the future' },
  { field: 'date_of_birth', input: shifted(-10, 0), error: 'min_age', why: 'younger than 18' },
  { field: 'date_of_birth', input: shifted(-18, 0), value: shifted(-18, 0), why: '18 today' },
  { field: 'date_of_birth', input: shifted(-18, 1), error: 'min_age', why: '18 tomorrow' },
  { field: 'date_of_birth', input: '1850-01-01', error: 'date', why: 'older than anyone alive' },
  // company, job title, description
  { field: 'company', input: 'Smith & Sons, Inc.', value: 'Smith & Sons, Inc.', why: 'a company' },
  { field: 'job_title', input: 'VP, Sales', value: 'VP, Sales', why: 'a title' },
  { field: 'description', input: 'Line one\r\nLine two  ', value: 'Line one\nLine two', why: 'newlines kept, trailing spaces dropped' },
  { field: 'description', input: 'Call after 5 👋 <b>thanks</b>', value: 'Call after 5 👋 <b>thanks</b>', why: 'free text is only text' },
  { field: 'description', input: 'bell\u0007', error: 'characters', why: 'a control character' },
  { field: 'description', input: LONG, error: 'too_long', why: 'a 10,000-character string' },
];
