import type { Locale } from '../../fields/messages/index.js';
import { en } from './en.js';
import { es } from './es.js';
import type { UiOverrides, UiStrings } from './types.js';

export type { UiOverrides, UiStrings } from './types.js';

export const UI_STRINGS: Readonly<Record<Locale, UiStrings>> = { en, es };

/** The names a page's text may use for our functions' arguments, in order. */
const PLACEHOLDERS: Readonly<Partial<Record<keyof UiStrings, readonly string[]>>> = {
  retryingOffline: ['attempt', 'of'],
  retryingServer: ['attempt', 'of'],
  didYouMean: ['email'],
  useSuggestion: ['email'],
  stepOf: ['step', 'total'],
};

/** One locale's words with a page's own laid over them: `"Still trying ({attempt} of {of})"` fills in as ours does. */
export function uiStrings(locale: Locale, overrides: UiOverrides | undefined): UiStrings {
  const base = UI_STRINGS[locale];
  if (!overrides) return base;
  const strings: Record<string, unknown> = { ...base };
  for (const [key, text] of Object.entries(overrides) as [keyof UiStrings, unknown][]) {
    if (typeof text !== 'string' || !(key in base)) continue;
    const names = PLACEHOLDERS[key];
    strings[key] = names ? (...values: unknown[]) => names.reduce((out, name, index) => out.replaceAll(`{${name}}`, String(values[index])), text) : text;
  }
  return strings as unknown as UiStrings;
}

const resolved = new WeakMap<object, UiStrings>();

/** The words for a configuration, worked out once per configuration object. */
export function stringsFor(config: { readonly locale: Locale; readonly messages: { readonly ui?: UiOverrides } }): UiStrings {
  let strings = resolved.get(config);
  if (!strings) resolved.set(config, (strings = uiStrings(config.locale, config.messages.ui)));
  return strings;
}
