import type { FieldErrorCode } from './error-codes.js';
import type { CharacterKind } from './messages/kinds.js';
import type { Locale } from './messages/locales.js';
import type { FieldMessages, MessageParams } from './messages/types.js';
import { answerMaxLength, localText, type Question, type QuestionType } from './questions.js';

/**
 * A question's words: its label and each problem's message, for the browser and the relay alike. No
 * zod here, so the widget's questions chunk can label and word questions before the rules arrive.
 */

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

/**
 * The question's own words for being left unanswered (its `error`) in the locale: plain text serves
 * every locale, as a plain label does; text per locale without this one leaves ours, which say it in
 * the form's language, rather than falling back to English as a label must.
 */
function ownError(question: Question, locale: Locale): string | undefined {
  const { error } = question;
  return typeof error === 'string' ? error : error?.[locale];
}

/** One answer's problem in words, as `errorMessage` words a field's: the browser and the relay alike. */
export function answerMessage(messages: FieldMessages, question: Question, code: FieldErrorCode, locale: Locale): string {
  // The question's own words come before the page's one `messages.errors.required` for every field.
  const own = code === 'required' ? ownError(question, locale) : undefined;
  if (own !== undefined) return own;
  return messages.errors[code]({
    label: questionLabel(messages, question, locale),
    maxLength: answerMaxLength(question),
    minAge: 0,
    kind: KIND[question.type],
    question: HOW[question.type],
    ...rangeParams(question, locale),
  });
}
