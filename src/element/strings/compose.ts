import type { UiOverrides, UiStrings } from './types.js';

/** The names a page's text may use for our functions' arguments, in order. */
const PLACEHOLDERS: Readonly<Partial<Record<keyof UiStrings, readonly string[]>>> = {
  retryingOffline: ['attempt', 'of'],
  retryingServer: ['attempt', 'of'],
  didYouMean: ['email'],
  useSuggestion: ['email'],
  stepOf: ['step', 'total'],
};

/**
 * A locale's words with a page's own laid over them: `"Still trying ({attempt} of {of})"` fills in as
 * ours does. Given the words, not the locale's name, so the first chunk carries no other language.
 */
export function withUiOverrides(base: UiStrings, overrides: UiOverrides | undefined): UiStrings {
  if (!overrides) return base;
  const strings: Record<string, unknown> = { ...base };
  for (const [key, text] of Object.entries(overrides) as [keyof UiStrings, unknown][]) {
    if (typeof text !== 'string' || !(key in base)) continue;
    const names = PLACEHOLDERS[key];
    strings[key] = names ? (...values: unknown[]) => names.reduce((out, name, index) => out.replaceAll(`{${name}}`, String(values[index])), text) : text;
  }
  return strings as unknown as UiStrings;
}
