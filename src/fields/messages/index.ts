import type { FieldKey } from '../keys.js';
import type { FieldErrorCode } from '../rules.js';
import { en } from './en.js';
import { es } from './es.js';
import type { FieldMessages } from './types.js';

export type { FieldMessages, MessageParams } from './types.js';

export const FIELD_MESSAGES = { en, es } as const;
export type Locale = keyof typeof FIELD_MESSAGES;

export function isLocale(value: string): value is Locale {
  return Object.hasOwn(FIELD_MESSAGES, value);
}

/** Words a page supplies to replace ours: any label, any message (a plain string, no templating). */
export interface MessageOverrides {
  readonly labels?: Readonly<Partial<Record<FieldKey, string>>>;
  readonly errors?: Readonly<Partial<Record<FieldErrorCode, string>>>;
}

/** One locale's messages with a page's overrides laid over them. */
export function fieldMessages(locale: Locale, overrides: MessageOverrides = {}): FieldMessages {
  const base = FIELD_MESSAGES[locale];
  const errors = { ...base.errors };
  for (const [code, text] of Object.entries(overrides.errors ?? {})) {
    if (text !== undefined) errors[code as FieldErrorCode] = () => text;
  }
  return { labels: { ...base.labels, ...overrides.labels }, errors };
}
