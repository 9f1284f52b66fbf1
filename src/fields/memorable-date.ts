import type { DatePart, FieldMessages, MessageParams } from './messages/index.js';
import type { FieldErrorCode } from './rules.js';

/**
 * The GOV.UK memorable-date pattern: a date people know by heart (their birthday) is typed into three
 * boxes (month, day, year, in US order) rather than picked from a calendar that makes them scroll back
 * decades. This module reads the boxes into the ISO date the field rules judge (real, past, old
 * enough) and says which box is wrong when the boxes alone show it.
 */
export interface DateParts {
  readonly month: string;
  readonly day: string;
  readonly year: string;
}

export type DateReading =
  /** Nothing typed in any box. */
  | { readonly kind: 'empty' }
  /** A date to judge by the field's rules (which still refuse 31 February as not real). */
  | { readonly kind: 'date'; readonly iso: string }
  /** Some boxes typed, these left empty: "Date of birth must include a month". */
  | { readonly kind: 'missing'; readonly parts: readonly DatePart[] }
  /** A year of other than four digits ("85"): "Year must include 4 numbers". */
  | { readonly kind: 'year_digits' }
  /** A box that cannot be right: month 13, day 32, letters. */
  | { readonly kind: 'not_real'; readonly parts: readonly DatePart[] };

export const DATE_PARTS: readonly DatePart[] = ['month', 'day', 'year'];

/** Month names people type, English and Spanish, full or short: "jan", "January", "sept", "ene", "diciembre". */
const MONTH_NAMES: readonly (readonly string[])[] = [
  ['january', 'jan', 'enero', 'ene'],
  ['february', 'feb', 'febrero'],
  ['march', 'mar', 'marzo'],
  ['april', 'apr', 'abril', 'abr'],
  ['may', 'mayo'],
  ['june', 'jun', 'junio'],
  ['july', 'jul', 'julio'],
  ['august', 'aug', 'agosto', 'ago'],
  ['september', 'sep', 'sept', 'septiembre', 'setiembre', 'set'],
  ['october', 'oct', 'octubre'],
  ['november', 'nov', 'noviembre'],
  ['december', 'dec', 'diciembre', 'dic'],
];

/** Full-width digits folded, spaces and a trailing full stop ("Jan.") dropped, lower case. */
function clean(value: string): string {
  return value.normalize('NFKC').trim().replace(/\.$/, '').toLowerCase();
}

function readMonth(value: string): number | undefined {
  const typed = clean(value);
  if (/^\d{1,2}$/.test(typed)) return Number(typed);
  const named = MONTH_NAMES.findIndex((names) => names.includes(typed.normalize('NFD').replace(/\p{M}/gu, '')));
  return named === -1 ? undefined : named + 1;
}

/** 1–31, with a leading zero or an ordinal ending: "05", "23rd", "1º" (NFKC folds º to o). */
function readDay(value: string): number | undefined {
  const typed = /^(\d{1,2})(?:st|nd|rd|th|o|a)?$/.exec(clean(value));
  return typed ? Number(typed[1]) : undefined;
}

function daysIn(month: number, year: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Reads the three boxes. Priority as GOV.UK orders it: missing boxes, then boxes that cannot be right. */
export function readDateParts(parts: DateParts): DateReading {
  const empty = DATE_PARTS.filter((part) => parts[part].trim() === '');
  if (empty.length === DATE_PARTS.length) return { kind: 'empty' };
  if (empty.length > 0) return { kind: 'missing', parts: empty };
  const month = readMonth(parts.month);
  const day = readDay(parts.day);
  const yearText = clean(parts.year);
  const wrong: DatePart[] = [];
  if (month === undefined || month < 1 || month > 12) wrong.push('month');
  if (day === undefined || day < 1 || day > 31) wrong.push('day');
  if (!/^\d+$/.test(yearText)) wrong.push('year');
  if (month === undefined || day === undefined || wrong.length > 0) return { kind: 'not_real', parts: wrong };
  if (yearText.length !== 4) return { kind: 'year_digits' };
  if (day > daysIn(month, Number(yearText))) return { kind: 'not_real', parts: ['day'] };
  return { kind: 'date', iso: `${yearText}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` };
}

/** The boxes of an ISO date (a pre-filled or resumed value): "1985-04-23" → 4, 23, 1985. */
export function splitIsoDate(iso: string): DateParts {
  const parts = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!parts) return { month: '', day: '', year: '' };
  return { month: String(Number(parts[2])), day: String(Number(parts[3])), year: parts[1] ?? '' };
}

export interface DateProblem {
  /** The code a page sees in `lead-invalid` (the relay's codes: an incomplete date is no real date). */
  readonly code: FieldErrorCode;
  /** The boxes to mark invalid. */
  readonly parts: readonly DatePart[];
  readonly message: string;
}

/**
 * What is wrong with the boxes, in the locale's words, or undefined when they hold a date for the
 * field's rules to judge (or nothing, for an optional field).
 */
export function dateProblem(reading: DateReading, messages: FieldMessages, params: MessageParams): DateProblem | undefined {
  switch (reading.kind) {
    case 'empty':
    case 'date':
      return undefined;
    case 'missing':
      return { code: 'date', parts: reading.parts, message: messages.date.missing(params, reading.parts) };
    case 'year_digits':
      return { code: 'date', parts: ['year'], message: messages.date.yearDigits(params) };
    case 'not_real':
      return { code: 'date', parts: reading.parts, message: messages.errors.date(params) };
  }
}
