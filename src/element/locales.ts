import { withOverrides, type MessageOverrides } from '../fields/messages/compose.js';
import { en as enFields } from '../fields/messages/en.js';
import type { Locale } from '../fields/messages/locales.js';
import type { FieldMessages } from '../fields/messages/types.js';
import { chunks } from './chunks.js';
import { onDemand, type OnDemand } from './load-once.js';
import { withUiOverrides } from './strings/compose.js';
import { en as enUi } from './strings/en.js';
import type { UiOverrides, UiStrings } from './strings/types.js';

/** One language's words: the fields' labels and messages, and the widget's own. */
export interface LocaleWords {
  readonly fields: FieldMessages;
  readonly ui: UiStrings;
}

/** English comes with the first chunk. */
const EN: LocaleWords = { fields: enFields, ui: enUi };

/**
 * The element's other languages: each a chunk of its own (`lead-capture.es.js`), loaded only when a
 * form asks for it, before that form first renders.
 */
const others: Readonly<Record<Exclude<Locale, 'en'>, OnDemand<LocaleWords>>> = {
  es: onDemand(() => chunks.es().then(({ words }) => words)),
};

/** The words of `locale` when loaded, else undefined (call `loadWords`). */
export function wordsFor(locale: Locale): LocaleWords | undefined {
  return locale === 'en' ? EN : others[locale].current();
}

/** Loads a language's words once per page; a failed load is tried again on the next call. */
export function loadWords(locale: Exclude<Locale, 'en'>): Promise<LocaleWords> {
  return others[locale].load();
}

interface Worded {
  readonly locale: Locale;
  readonly messages: MessageOverrides & { readonly ui?: UiOverrides };
}

const resolvedUi = new WeakMap<object, UiStrings>();

/** The widget's words for a configuration, worked out once per configuration object (English until its language arrives). */
export function stringsFor(config: Worded): UiStrings {
  let strings = resolvedUi.get(config);
  if (strings) return strings;
  const words = wordsFor(config.locale);
  strings = withUiOverrides((words ?? EN).ui, config.messages.ui);
  if (words) resolvedUi.set(config, strings);
  return strings;
}

/** The fields' words for a configuration, the page's own laid over them. */
export function fieldWordsFor(config: Worded): FieldMessages {
  return withOverrides((wordsFor(config.locale) ?? EN).fields, config.messages);
}
