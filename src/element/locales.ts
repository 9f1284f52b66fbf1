import { withOverrides, type MessageOverrides } from '../fields/messages/compose.js';
import { en as enFields } from '../fields/messages/en.js';
import type { Locale } from '../fields/messages/locales.js';
import type { FieldMessages } from '../fields/messages/types.js';
import { chunks } from './chunks.js';
import { withUiOverrides } from './strings/compose.js';
import { en as enUi } from './strings/en.js';
import type { UiOverrides, UiStrings } from './strings/types.js';

/** One language's words: the fields' labels and messages, and the widget's own. */
export interface LocaleWords {
  readonly fields: FieldMessages;
  readonly ui: UiStrings;
}

/**
 * The element's languages. English comes with the first chunk; another language is a chunk of its
 * own (`lead-capture.es.js`), loaded only when a form asks for it, before that form first renders.
 */
const loaded: Partial<Record<Locale, LocaleWords>> = { en: { fields: enFields, ui: enUi } };
const loading: Partial<Record<Locale, Promise<LocaleWords>>> = {};

/** The words of `locale` when loaded, else undefined (call `loadWords`). */
export function wordsFor(locale: Locale): LocaleWords | undefined {
  return loaded[locale];
}

/** Loads a language's words once per page; a failed load is tried again on the next call. */
export function loadWords(locale: Exclude<Locale, 'en'>): Promise<LocaleWords> {
  return (loading[locale] ??= chunks[locale]().then(
    ({ words }) => (loaded[locale] = words),
    (error: unknown) => {
      delete loading[locale];
      throw error;
    },
  ));
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
  strings = withUiOverrides((words ?? loaded.en!).ui, config.messages.ui);
  if (words) resolvedUi.set(config, strings);
  return strings;
}

/** The fields' words for a configuration, the page's own laid over them. */
export function fieldWordsFor(config: Worded): FieldMessages {
  return withOverrides((wordsFor(config.locale) ?? loaded.en!).fields, config.messages);
}
