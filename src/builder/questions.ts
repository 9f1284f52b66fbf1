import { parseQuestions } from '../fields/question-definitions.js';
import type { QuestionType } from '../fields/questions.js';
import type { BuilderQuestion, BuilderState } from './state.js';

/**
 * Editing the page's own questions. A question stands in the field order like a catalogue key
 * (DESIGN.md, "Questions and steps"), under its id, so renaming it never moves it.
 */

/** Why a question cannot work as written, and which of its settings to fix. */
export interface QuestionProblem {
  readonly on: 'name' | 'label' | 'options';
  readonly message: string;
}

/** A question as the `questions` attribute and the relay's `questions` entry both take it. */
export interface QuestionDefinition {
  readonly name: string;
  readonly label: string;
  readonly type: QuestionType;
  readonly options?: readonly string[];
  readonly required?: true;
}

export function questionDefinition(question: BuilderQuestion): QuestionDefinition {
  const withOptions = question.type === 'select' || question.type === 'radio';
  return {
    name: question.name,
    label: question.label.trim(),
    type: question.type,
    ...(withOptions ? { options: cleanOptions(question.options) } : {}),
    ...(question.required ? { required: true } : {}),
  };
}

/**
 * Whether the widget and the relay would refuse the question, judged by their own parser
 * (src/fields/questions.ts), its reason put to the setting to fix: `questions[0].name "Debt" is not
 * a snake_case name…` becomes `"Debt" is not a snake_case name…`, beside the name.
 */
export function questionProblem(question: BuilderQuestion, questions: readonly BuilderQuestion[]): QuestionProblem | undefined {
  if (questions.filter((other) => other.name === question.name).length > 1) return { on: 'name', message: 'Another question has this name.' };
  const refused = parseQuestions([questionDefinition(question)]).problems[0];
  if (refused === undefined) return undefined;
  const [prefix = '', key] = /^questions\[\d+\](?: \([^)]*\))?(?:\.(\w+))?:? ?/.exec(refused) ?? [];
  const rest = refused.slice(prefix.length);
  const message = key && /^(is|must|has)\b/.test(rest) ? `The ${key} ${rest}` : rest.charAt(0).toUpperCase() + rest.slice(1);
  const on = key === 'label' ? 'label' : key === 'options' || /option/.test(rest) ? 'options' : 'name';
  return { on, message };
}

/** Options as typed (one per line, blanks kept while typing) → as sent. */
export function cleanOptions(options: readonly string[]): string[] {
  return options.map((option) => option.trim()).filter(Boolean);
}

export function isQuestionId(entry: string): boolean {
  return entry.startsWith('#');
}

/**
 * The name an entry of the order stands for in `fields`: a catalogue key as it is, a question's
 * name when the question can work; undefined for a question that cannot (it is left out).
 */
export function entryName(state: BuilderState, entry: string): string | undefined {
  if (!isQuestionId(entry)) return entry;
  const question = state.questions.find((each) => each.id === entry);
  return question && questionProblem(question, state.questions) === undefined ? question.name : undefined;
}

/** The questions that can work: only these go into the snippet and the preview. */
export function usableQuestions(state: BuilderState): BuilderQuestion[] {
  return state.questions.filter((question) => questionProblem(question, state.questions) === undefined);
}

/** A new id, never one in use. */
export function nextQuestionId(questions: readonly Pick<BuilderQuestion, 'id'>[]): string {
  const used = questions.map((question) => Number(question.id.slice(1))).filter(Number.isFinite);
  return `#${Math.max(0, ...used) + 1}`;
}

/** A new text question, asked after the last field the form asks. */
export function addQuestion(state: BuilderState): BuilderState {
  const id = nextQuestionId(state.questions);
  let n = state.questions.length + 1;
  while (state.questions.some((question) => question.name === `question_${n}`)) n++;
  const question: BuilderQuestion = { id, name: `question_${n}`, label: `Question ${n}`, type: 'text', options: [], required: false };
  const after = Math.max(-1, ...state.included.map((entry) => state.order.indexOf(entry))) + 1;
  const order = [...state.order.slice(0, after), id, ...state.order.slice(after)];
  return { ...state, questions: [...state.questions, question], order, included: [...state.included, id] };
}

/** One question changed. */
export function updateQuestion(state: BuilderState, id: string, change: Partial<Omit<BuilderQuestion, 'id'>>): BuilderState {
  return { ...state, questions: state.questions.map((question) => (question.id === id ? { ...question, ...change } : question)) };
}

export function removeQuestion(state: BuilderState, id: string): BuilderState {
  const stepOf: Record<string, number> = { ...state.stepOf };
  delete stepOf[id];
  return {
    ...state,
    questions: state.questions.filter((question) => question.id !== id),
    order: state.order.filter((entry) => entry !== id),
    included: state.included.filter((entry) => entry !== id),
    stepOf,
  };
}
