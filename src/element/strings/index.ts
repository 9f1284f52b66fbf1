import type { Locale } from '../../fields/messages/locales.js';
import { withUiOverrides } from './compose.js';
import { en } from './en.js';
import { es } from './es.js';
import type { UiOverrides, UiStrings } from './types.js';

export type { UiOverrides, UiStrings } from './types.js';

/** Every locale's words by name (the element loads them one by one: element/locales.ts). */
export const UI_STRINGS: Readonly<Record<Locale, UiStrings>> = { en, es };

/** One locale's words with a page's own laid over them: `"Still trying ({attempt} of {of})"` fills in as ours does. */
export function uiStrings(locale: Locale, overrides: UiOverrides | undefined): UiStrings {
  return withUiOverrides(UI_STRINGS[locale], overrides);
}
