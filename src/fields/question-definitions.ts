import { isFieldKey } from './keys.js';
import type { Locale } from './messages/index.js';
import { QUESTION_TYPES, type Question, type QuestionOption, type QuestionText, type QuestionType } from './questions.js';

/**
 * Reading the page's question definitions (questions.ts): the widget's `questions` attribute or
 * property and each relay destination's `questions` go through this one parser, so both refuse the
 * same mistakes, each with its reason. In the widget it comes with the questions chunk, which a form
 * without questions never loads.
 */

/** Longest name: the relay's other keys (tracking) are capped alike. */
const NAME = /^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/;
const NAME_MAX = 40;
/** Names the form already uses for its own inputs. */
const RESERVED = new Set(['consent', 'lc_website', 'universal_leadid']);
const KEYS: ReadonlySet<string> = new Set(['name', 'label', 'type', 'options', 'required', 'min', 'max', 'maxLength', 'placeholder', 'error']);
const OPTION_MAX_LENGTH = 200;
const TEXT_LIMIT = 20_000;

export interface ParsedQuestions {
  readonly questions: readonly Question[];
  /** One sentence per definition that cannot work (skipped), or for a list that is not a list. */
  readonly problems: readonly string[];
}

/** Thrown inside one definition's check; caught per definition, so one bad question skips only itself. */
class Refusal extends Error {}

function refuse(message: string): never {
  throw new Refusal(message);
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function checkText(value: unknown, what: string): QuestionText {
  if (typeof value === 'string') {
    if (value.trim() === '') refuse(`${what} is empty`);
    if (value.length > TEXT_LIMIT) refuse(`${what} is longer than ${TEXT_LIMIT} characters`);
    return value.trim();
  }
  if (!isRecord(value)) refuse(`${what} must be text, or text per locale like { "en": "…", "es": "…" }`);
  const entries = Object.entries(value);
  if (entries.length === 0) refuse(`${what} has no text`);
  const texts: Partial<Record<Locale, string>> = {};
  for (const [locale, text] of entries) {
    if (locale !== 'en' && locale !== 'es') refuse(`${what}: "${locale}" is not a locale (en, es)`);
    if (typeof text !== 'string' || text.trim() === '') refuse(`${what}.${locale} must be non-empty text`);
    texts[locale] = text.trim();
  }
  return texts;
}

function checkOptions(value: unknown, where: string): QuestionOption[] {
  if (!Array.isArray(value) || value.length === 0) refuse(`${where}: a select or radio question needs a non-empty list of options`);
  const seen = new Set<string>();
  return value.map((option: unknown, index) => {
    const at = `${where}.options[${index}]`;
    const parsed =
      typeof option === 'string'
        ? { value: option.trim(), label: option.trim() }
        : isRecord(option) && typeof option['value'] === 'string'
          ? { value: option['value'].trim(), label: option['label'] === undefined ? option['value'].trim() : checkText(option['label'], `${at}.label`) }
          : refuse(`${at} must be text or { "value": "…", "label": "…" }`);
    if (parsed.value === '') refuse(`${at} has an empty value`);
    if (parsed.value.length > OPTION_MAX_LENGTH) refuse(`${at} has a value longer than ${OPTION_MAX_LENGTH} characters`);
    if (seen.has(parsed.value)) refuse(`${at}: the value "${parsed.value}" is offered twice`);
    seen.add(parsed.value);
    return parsed;
  });
}

function checkNumber(value: unknown, what: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isFinite(value)) refuse(`${what} must be a number`);
  return value;
}

/** One definition, checked; throws `Refusal` with the reason it cannot work. */
function checkQuestion(value: unknown, where: string): Question {
  if (!isRecord(value)) refuse(`${where} must be an object like { "name": "debt_amount", "label": "…", "type": "number" }`);
  const unknown = Object.keys(value).filter((key) => !KEYS.has(key));
  if (unknown.length > 0) refuse(`${where}: unknown ${unknown.length === 1 ? 'key' : 'keys'} ${unknown.join(', ')} (known: ${[...KEYS].join(', ')})`);
  const name = value['name'];
  if (typeof name !== 'string' || !NAME.test(name) || name.length > NAME_MAX) {
    refuse(`${where}.name ${JSON.stringify(name)} is not a snake_case name like "debt_amount" (${NAME_MAX} characters at most)`);
  }
  const at = `${where} (${name})`;
  if (isFieldKey(name)) refuse(`${at}: "${name}" is a catalogue field; name the question something else, or use the field itself`);
  if (RESERVED.has(name)) refuse(`${at}: "${name}" is used by the form itself`);
  const type = value['type'] ?? 'text';
  if (typeof type !== 'string' || !(QUESTION_TYPES as readonly string[]).includes(type)) {
    refuse(`${at}.type ${JSON.stringify(type)} is not one of ${QUESTION_TYPES.join(', ')}`);
  }
  const kind = type as QuestionType;
  const choice = kind === 'select' || kind === 'radio';
  if (!choice && value['options'] !== undefined) refuse(`${at}: options apply to select and radio questions only`);
  const required = value['required'];
  if (required !== undefined && typeof required !== 'boolean') refuse(`${at}.required must be true or false`);
  const min = checkNumber(value['min'], `${at}.min`);
  const max = checkNumber(value['max'], `${at}.max`);
  if ((min !== undefined || max !== undefined) && kind !== 'number') refuse(`${at}: min and max apply to number questions only`);
  if (min !== undefined && max !== undefined && min > max) refuse(`${at}: min (${min}) is greater than max (${max})`);
  const maxLength = checkNumber(value['maxLength'], `${at}.maxLength`);
  if (maxLength !== undefined) {
    if (kind !== 'text' && kind !== 'textarea') refuse(`${at}: maxLength applies to text and textarea questions only`);
    if (!Number.isInteger(maxLength) || maxLength < 1 || maxLength > TEXT_LIMIT) refuse(`${at}.maxLength must be a whole number from 1 to ${TEXT_LIMIT}`);
  }
  return {
    name,
    label: checkText(value['label'], `${at}.label`),
    type: kind,
    ...(choice ? { options: checkOptions(value['options'], at) } : {}),
    ...(required === undefined ? {} : { required }),
    ...(min === undefined ? {} : { min }),
    ...(max === undefined ? {} : { max }),
    ...(maxLength === undefined ? {} : { maxLength }),
    ...(value['placeholder'] === undefined ? {} : { placeholder: checkText(value['placeholder'], `${at}.placeholder`) }),
    ...(value['error'] === undefined ? {} : { error: checkText(value['error'], `${at}.error`) }),
  };
}

/**
 * Parses the `questions` attribute (JSON text) or property (a list), keeping every definition that
 * can work and saying, per definition, why the others cannot. Never throws: a page's mistake costs
 * its own question, not the form.
 */
export function parseQuestions(input: unknown): ParsedQuestions {
  if (input === undefined || input === null || input === '') return { questions: [], problems: [] };
  let list = input;
  if (typeof input === 'string') {
    try {
      list = JSON.parse(input);
    } catch (error) {
      return { questions: [], problems: [`questions is not valid JSON (${(error as Error).message})`] };
    }
  }
  if (!Array.isArray(list)) return { questions: [], problems: ['questions must be a list of question definitions'] };
  const questions: Question[] = [];
  const problems: string[] = [];
  list.forEach((definition: unknown, index) => {
    try {
      const question = checkQuestion(definition, `questions[${index}]`);
      if (questions.some((earlier) => earlier.name === question.name)) refuse(`questions[${index}]: "${question.name}" is defined twice`);
      questions.push(question);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      problems.push(error.message);
    }
  });
  return { questions, problems };
}
