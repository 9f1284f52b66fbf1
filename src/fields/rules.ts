import * as z from 'zod/mini';
import { FIELD_CATALOGUE } from './catalogue.js';
import { EMAIL } from './email.js';
import type { FieldKey } from './keys.js';
import * as normalise from './normalise.js';
import { checkPhone, type PhoneCountry } from './phone.js';

export { FIELD_ERROR_CODES, isFieldErrorCode, type FieldErrorCode } from './error-codes.js';
import type { FieldErrorCode } from './error-codes.js';

/** What the rules depend on besides the value: set per page, the same in the browser and the relay. */
export interface RuleOptions {
  /** The phone numbering region, from the `country` attribute; US by default. */
  readonly country: PhoneCountry;
  /** Date of birth must make the person at least this old. */
  readonly minAge: number;
  /** Today's date as `YYYY-MM-DD`, passed in so rules never read the clock. */
  readonly today: string;
}

export type FieldSchema = z.ZodMiniType<string, string>;

/**
 * A US state's 2-letter code from a code or a name ("ca", "California" → "CA"), or undefined:
 * us-states.ts's `toUsStateCode`, handed to the rules rather than imported, so the widget's rules
 * (its validation chunk) take the states' table from the chunk a form asking for the state loads.
 */
export type UsStateLookup = (value: string) => string | undefined;

/** Letters (any script), combining marks, and the punctuation real names use: O'Brien, Jean-Luc, St. John. */
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;
/** Pingtree: "letters and spaces only" (after the city normaliser dropped periods and hyphens). */
const CITY = /^[\p{L}\p{M}][\p{L}\p{M} ]*$/u;
/**
 * Free single-line text (address, company, job title): anything printable except markup brackets,
 * emoji, and invisible control or formatting characters (bidi overrides, zero-width joiners).
 */
export const PLAIN_LINE = /^[^<>\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Extended_Pictographic}]*$/u;
/**
 * Free multi-line text (description): anything but control characters other than newline and tab.
 * One character class, not an alternation in a loop, so the engine has a single way to match.
 */
export const NO_CONTROL = /^[\P{Cc}\n\t]*$/u;
const ZIP = /^\d{5}$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The longest a field's value may be, and the code a longer one is refused with. */
export interface Limit {
  readonly max: number;
  readonly error: FieldErrorCode;
}

/**
 * How long a raw value may be before it is refused unread. Normalising walks the whole value, so a
 * value far longer than its field allows is turned away first (issue 11: a 64 KB description held
 * the relay for seconds). The slack is room for what normalising removes: surrounding spaces, runs of
 * spaces, accents typed as separate combining marks that NFKC joins.
 */
export function rawLimit(max: number): number {
  return 4 * max + 64;
}

/**
 * string → (refused unread when far too long) → normalised string → the checks, each failing with one
 * of our error codes.
 */
export function text(normaliser: (value: string) => string, limit: Limit, ...checks: z.core.$ZodCheck<string>[]): FieldSchema {
  const raw = z.string().check(z.maxLength(rawLimit(limit.max), limit.error));
  return z.pipe(z.pipe(raw, z.transform(normaliser)), z.string().check(...checks));
}

const PHONE_LIMIT: Limit = { max: 25, error: 'phone_length' };

function phone(country: PhoneCountry): FieldSchema {
  return z.pipe(
    text(normalise.singleLine, PHONE_LIMIT, z.maxLength(PHONE_LIMIT.max, PHONE_LIMIT.error)),
    z.transform((value, context) => {
      const result = checkPhone(value, country);
      if (result.ok) return result.e164;
      context.issues.push({ code: 'custom', message: result.error, input: value });
      return z.NEVER;
    }),
  );
}

/** Whole years between two ISO dates. */
function ageOn(birth: string, today: string): number {
  const [by = 0, bm = 0, bd = 0] = birth.split('-').map(Number);
  const [ty = 0, tm = 0, td = 0] = today.split('-').map(Number);
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

function isRealDate(value: string): boolean {
  const parts = ISO_DATE.exec(value);
  if (!parts) return false;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function dateOfBirth(options: RuleOptions): FieldSchema {
  return text(
    normalise.isoDate,
    { max: FIELD_CATALOGUE.date_of_birth.maxLength, error: 'date' },
    z.refine(isRealDate, 'date'),
    z.refine((value) => !isRealDate(value) || value <= options.today, 'date_future'),
    z.refine((value) => !isRealDate(value) || value > options.today || ageOn(value, options.today) <= 120, 'date'),
    z.refine(
      (value) => !isRealDate(value) || value > options.today || ageOn(value, options.today) >= options.minAge,
      'min_age',
    ),
  );
}

function maxLength(key: FieldKey) {
  return z.maxLength(FIELD_CATALOGUE[key].maxLength, 'too_long');
}

function limitOf(key: FieldKey): Limit {
  return { max: FIELD_CATALOGUE[key].maxLength, error: 'too_long' };
}

function mapped(lookup: (value: string) => string | undefined, error: FieldErrorCode): FieldSchema {
  return z.pipe(
    text(normalise.singleLine, { max: 60, error: 'too_long' }, z.maxLength(60, 'too_long')),
    z.transform((value, context) => {
      const found = lookup(value);
      if (found !== undefined) return found;
      context.issues.push({ code: 'custom', message: error, input: value });
      return z.NEVER;
    }),
  );
}

const COUNTRY_CODES = new Map(
  (FIELD_CATALOGUE.country.options ?? []).flatMap(([code, name]) => [
    [code, code],
    [name.toUpperCase(), code],
  ]),
);

/** Builds the schema one field's value must pass, with the options this page runs under and the states' table. */
export function fieldSchema(key: FieldKey, options: RuleOptions, usState: UsStateLookup): FieldSchema {
  const name = () => text(normalise.singleLine, limitOf(key), maxLength(key), z.regex(NAME, 'characters'));
  const line = () => text(normalise.singleLine, limitOf(key), maxLength(key), z.regex(PLAIN_LINE, 'characters'));
  switch (key) {
    case 'first_name':
    case 'last_name':
    case 'full_name':
      return name();
    case 'email':
      return text(normalise.email, limitOf('email'), maxLength('email'), z.regex(EMAIL, 'email'));
    case 'mobile':
    case 'home_phone':
    case 'business_phone':
      return phone(options.country);
    case 'address':
    case 'address2':
    case 'company':
    case 'job_title':
      return line();
    case 'city':
      return text(normalise.city, limitOf('city'), maxLength('city'), z.regex(CITY, 'characters'));
    case 'state':
      return mapped(usState, 'state');
    case 'zip_code':
      return text(
        normalise.zipCode,
        { max: FIELD_CATALOGUE.zip_code.maxLength, error: 'zip' },
        z.regex(ZIP, 'zip'),
        z.refine((value) => value !== '00000', 'zip'),
      );
    case 'country':
      return mapped((value) => COUNTRY_CODES.get(value.toUpperCase()), 'country');
    case 'date_of_birth':
      return dateOfBirth(options);
    case 'description':
      return text(normalise.multiLine, limitOf('description'), maxLength('description'), z.regex(NO_CONTROL, 'characters'));
  }
}
