import { withOverrides, type MessageOverrides } from './compose.js';
import { en } from './en.js';
import { es } from './es.js';
import type { Locale } from './locales.js';
import type { FieldMessages } from './types.js';

export type { DateParams, DatePart, DateWords, FieldMessages, MessageParams } from './types.js';
export type { CharacterKind } from './kinds.js';
export { errorMessage, type MessageContext, type MessageOverrides } from './compose.js';
export { isLocale, LOCALES, type Locale } from './locales.js';

/** Every locale's field words by name, for the relay and the builder (the widget loads them one by one: element/locales.ts). */
export const FIELD_MESSAGES: Readonly<Record<Locale, FieldMessages>> = { en, es };

/**
 * One locale's messages with a page's overrides laid over them. A caller that names only the label
 * (as the relay's envelope check did) still gets the field's own wording: the key is found from it.
 */
export function fieldMessages(locale: Locale, overrides: MessageOverrides = {}): FieldMessages {
  return withOverrides(FIELD_MESSAGES[locale], overrides);
}
