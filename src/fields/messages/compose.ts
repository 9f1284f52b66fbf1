import { FIELD_CATALOGUE } from '../catalogue.js';
import type { FieldErrorCode } from '../error-codes.js';
import { isFieldKey, type FieldKey } from '../keys.js';
import type { PhoneCountry } from '../phone-countries.js';
import type { DateWords, FieldMessages, MessageParams } from './types.js';

/**
 * Words laid over a locale's and a problem put into words, given the locale's words rather than its
 * name: the widget's first chunk carries English only and loads Spanish when a form asks for it
 * (element/locales.ts), while index.ts serves both by name to the relay and the builder.
 */

/** Words a page supplies to replace ours: any label, any message (a plain string, no templating). */
export interface MessageOverrides {
  /** Any catalogue field's label, or a page's question's (by its name). */
  readonly labels?: Readonly<Partial<Record<FieldKey, string>>> & Readonly<Record<string, string | undefined>>;
  readonly errors?: Readonly<Partial<Record<FieldErrorCode, string>>>;
  /** The mark after a required field's label, for every field. */
  readonly requiredMark?: string;
  /** The memorable-date boxes' labels and hint. */
  readonly date?: Readonly<Partial<Pick<DateWords, 'month' | 'day' | 'year' | 'hint'>>>;
}

/**
 * One locale's messages with a page's overrides laid over them. A caller that names only the label
 * (as the relay's envelope check did) still gets the field's own wording: the key is found from it.
 */
export function withOverrides(base: FieldMessages, overrides: MessageOverrides = {}): FieldMessages {
  const labels = { ...base.labels, ...overrides.labels };
  const keyOf = new Map(Object.entries(labels).map(([key, label]) => [label, key as FieldKey]));
  const withKey = (params: MessageParams): MessageParams => {
    const key = params.key ?? keyOf.get(params.label);
    return key === undefined ? params : { ...params, key };
  };
  const errors = {} as Record<FieldErrorCode, (params: MessageParams) => string>;
  for (const [code, message] of Object.entries(base.errors) as [FieldErrorCode, (params: MessageParams) => string][]) {
    const text = overrides.errors?.[code];
    errors[code] = text === undefined ? (params) => message(withKey(params)) : () => text;
  }
  const requiredMark = overrides.requiredMark;
  return {
    labels,
    errors,
    requiredMark: requiredMark === undefined ? base.requiredMark : () => requiredMark,
    date: { ...base.date, ...overrides.date },
  };
}

/** What a field's message depends on besides its key: the page's rules. */
export interface MessageContext {
  readonly minAge: number;
  readonly country?: PhoneCountry;
}

/**
 * One field's problem in words: the one place where the browser and the relay turn an error code
 * into a sentence. `field` is a catalogue key or, for the envelope's other parts, its path.
 */
export function errorMessage(messages: FieldMessages, field: string, code: FieldErrorCode, context: MessageContext): string {
  const key = isFieldKey(field) ? field : undefined;
  return messages.errors[code]({
    ...(key === undefined ? {} : { key }),
    label: key === undefined ? field : messages.labels[key],
    maxLength: key === undefined ? 0 : FIELD_CATALOGUE[key].maxLength,
    minAge: context.minAge,
    ...(context.country === undefined ? {} : { country: context.country }),
  });
}
