import { FIELD_CATALOGUE } from './catalogue.js';
import type { Locale } from './messages/index.js';

/**
 * The page's own questions beside the catalogue fields (DESIGN.md, "Questions and steps"): a
 * debt-relief page asks the total debt, an insurer the household size. One definition serves the
 * widget (attribute or property) and the relay (each destination's `questions` in its config), so
 * both parse it alike (question-definitions.ts) and refuse the same mistakes. What is here is what
 * every form's first chunk and rules may use; the parser comes only to a form with questions.
 */
export const QUESTION_TYPES = ['text', 'textarea', 'number', 'select', 'radio', 'checkbox'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** A label in one language for all, or per locale (`{ "en": "Total debt", "es": "Deuda total" }`). */
export type QuestionText = string | Readonly<Partial<Record<Locale, string>>>;

export interface QuestionOption {
  /** What is sent. */
  readonly value: string;
  /** What the person reads; the value when the definition gave a plain string. */
  readonly label: QuestionText;
}

/** A definition as a page writes it (the `questions` property): options may be plain strings. */
export interface QuestionDefinition extends Omit<Question, 'type' | 'options'> {
  readonly type?: QuestionType;
  readonly options?: readonly (string | { readonly value: string; readonly label?: QuestionText })[];
}

/** A definition that passed every check of question-definitions.ts; `options` always as `{ value, label }`. */
export interface Question {
  readonly name: string;
  readonly label: QuestionText;
  readonly type: QuestionType;
  readonly options?: readonly QuestionOption[];
  readonly required?: boolean;
  readonly min?: number;
  readonly max?: number;
  readonly maxLength?: number;
  readonly placeholder?: QuestionText;
  /**
   * What an unanswered required question says, in the page's own words ("Enter your total unsecured
   * debt"), beside it and in the error summary; ours name the question by its label otherwise.
   */
  readonly error?: QuestionText;
}

/** The answer a ticked checkbox carries (an unticked one is left out of the lead). */
export const CHECKED = 'yes';
/** Text answers are capped here unless the definition says otherwise. */
export const DEFAULT_TEXT_MAX_LENGTH = 200;
/** Long enough for any amount a form asks; a longer "number" is abuse. */
const NUMBER_MAX_LENGTH = 30;

/** How long an answer may be: what the definition says, else the default of its type. */
export function answerMaxLength(question: Question): number {
  if (question.type === 'number') return NUMBER_MAX_LENGTH;
  if (question.type === 'textarea') return question.maxLength ?? FIELD_CATALOGUE.description.maxLength;
  return question.maxLength ?? DEFAULT_TEXT_MAX_LENGTH;
}

/** A label (or placeholder) in the page's locale: that locale's text, else English, else any. */
export function localText(text: QuestionText, locale: Locale): string {
  if (typeof text === 'string') return text;
  return text[locale] ?? text.en ?? Object.values(text).find((entry) => entry !== undefined) ?? '';
}

/** Whether a question must be answered: its own `required`, or named in the form's `required`. */
export function isRequiredQuestion(question: Question, required: readonly string[]): boolean {
  return question.required === true || required.includes(question.name);
}
