import * as z from 'zod/mini';
import * as normalise from './normalise.js';
import { answerMaxLength, CHECKED, type Question } from './questions.js';
import { NO_CONTROL, PLAIN_LINE, text, type FieldSchema } from './rules.js';

export { answerMaxLength } from './questions.js';
export { answerMessage, questionLabel, rangeParams } from './answer-messages.js';

/**
 * The rule each question's answer must pass, built from its definition: the same zod/mini schemas in
 * the widget and the relay, failing with our error codes like the catalogue's rules.
 */

/** A number as people type it: optional sign, digits (commas grouping thousands), optional fraction. */
const TYPED_NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;
const NUMBER = /^-?\d+(?:\.\d+)?$/;

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

