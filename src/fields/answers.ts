import * as z from 'zod/mini';
import { FIELD_CATALOGUE } from './catalogue.js';
import * as normalise from './normalise.js';
import type { CharacterKind, FieldMessages, Locale, MessageParams } from './messages/index.js';
import { CHECKED, DEFAULT_TEXT_MAX_LENGTH, localText, type Question, type QuestionType } from './questions.js';
import { NO_CONTROL, PLAIN_LINE, text, type FieldErrorCode, type FieldSchema } from './rules.js';

/**
 * The rule each question's answer must pass, built from its definition: the same zod/mini schemas in
 * the widget and the relay, failing with our error codes like the catalogue's rules.
 */

/** A number as people type it: optional sign, digits (commas grouping thousands), optional fraction. */
const TYPED_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;
/** Long enough for any amount a form asks; a longer "number" is abuse. */
const NUMBER_MAX_LENGTH = 30;

/**
 * A number answer as typed digits: "25,000" → "25000", "007" → "7", "+5" → "5". Never through
 * `Number()`, so never an exponent or a rounded digit. Anything else is left as typed, for the rule
 * to refuse. Idempotent, like every normaliser.
 */
export function numberAnswer(value: string): string {
  const typed = normalise.singleLine(value);
  if (!TYPED_NUMBER.test(typed)) return typed;
  const unsigned = typed.replace(/^[+-]/, '').replace(/,/g, '').replace(/^0+(?=\d)/, '');
  const negative = typed.startsWith('-') && /[1-9]/.test(unsigned);
  return negative ? `-${unsigned}` : unsigned;
}

function inRange(value: string, question: Question): boolean {
  if (!NUMBER.test(value)) return true;
  const number = Number(value);
  return (question.min === undefined || number >= question.min) && (question.max === undefined || number <= question.max);
}

/** How long an answer may be: what the definition says, else the default of its type. */
export function answerMaxLength(question: Question): number {
  if (question.type === 'number') return NUMBER_MAX_LENGTH;
  if (question.type === 'textarea') return question.maxLength ?? FIELD_CATALOGUE.description.maxLength;
  return question.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
}

/** The schema one answer must pass (emptiness and `required` are the validator's, as for fields). */
export function answerSchema(question: Question): FieldSchema {
  const limit = { max: answerMaxLength(question), error: 'too_long' } as const;
  const maxLength = z.maxLength(limit.max, limit.error);
  switch (question.type) {
    case 'text':
      return text(normalise.singleLine, limit, maxLength, z.regex(PLAIN_LINE, 'characters'));
    case 'textarea':
      return text(normalise.multiLine, limit, maxLength, z.regex(NO_CONTROL, 'characters'));
    case 'number':
      return text(numberAnswer, limit, maxLength, z.regex(NUMBER, 'characters'), z.refine((value) => inRange(value, question), 'range'));
    case 'select':
    case 'radio': {
      const values = new Set((question.options ?? []).map((option) => option.value));
      return text(normalise.singleLine, limit, z.refine((value) => values.has(value), 'option'));
    }
    case 'checkbox':
      return text((value) => normalise.singleLine(value).toLowerCase(), limit, z.refine((value) => value === CHECKED, 'option'));
  }
}

/** A number question's bounds as its error message states them, in the locale's digits ("25,000"). */
export function rangeParams(question: Question, locale: Locale): { min?: string; max?: string } {
  // US formats for both locales: the widget asks US visitors, and "25.000" would read as 25 when typed back.
  const format = new Intl.NumberFormat(`${locale}-US`, { maximumFractionDigits: 20 });
  return {
    ...(question.min === undefined ? {} : { min: format.format(question.min) }),
    ...(question.max === undefined ? {} : { max: format.format(question.max) }),
  };
}

/** What a refused answer's characters had to be, by the question's type. */
const KIND: Readonly<Record<QuestionType, CharacterKind>> = {
  text: 'line',
  textarea: 'free',
  number: 'number',
  select: 'other',
  radio: 'other',
  checkbox: 'other',
};

/** How a question is answered, for the words of its `required` message. */
const HOW: Readonly<Record<QuestionType, NonNullable<MessageParams['question']>>> = {
  text: 'text',
  textarea: 'text',
  number: 'text',
  select: 'choice',
  radio: 'choice',
  checkbox: 'tick',
};

/** A question's label in the locale: the page's override (`messages.labels[name]`), else its own. */
export function questionLabel(messages: FieldMessages, question: Question, locale: Locale): string {
  const overrides: Readonly<Record<string, string | undefined>> = messages.labels;
  return overrides[question.name] ?? localText(question.label, locale);
}

/** One answer's problem in words, as `errorMessage` words a field's: the browser and the relay alike. */
export function answerMessage(messages: FieldMessages, question: Question, code: FieldErrorCode, locale: Locale): string {
  return messages.errors[code]({
    label: questionLabel(messages, question, locale),
    maxLength: answerMaxLength(question),
    minAge: 0,
    kind: KIND[question.type],
    question: HOW[question.type],
    ...rangeParams(question, locale),
  });
}
