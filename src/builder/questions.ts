import { isFieldKey } from '../fields/keys.js';
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

/** The widget refuses such a question (DESIGN.md, "Questions and steps"); undefined when it can work. */
export function questionProblem(question: BuilderQuestion, questions: readonly BuilderQuestion[]): QuestionProblem | undefined {
  const name = (message: string): QuestionProblem => ({ on: 'name', message });
  if (!/^[a-z][a-z0-9_]*$/.test(question.name)) return name('Use lowercase letters, digits and _, starting with a letter.');
  if (isFieldKey(question.name)) return name(`“${question.name}” is one of the form’s own fields; choose another name.`);
  if (questions.filter((other) => other.name === question.name).length > 1) return name('Another question has this name.');
  if (question.label.trim() === '') return { on: 'label', message: 'Give the question a label.' };
  if ((question.type === 'select' || question.type === 'radio') && cleanOptions(question.options).length === 0) {
    return { on: 'options', message: 'Add at least one option, one per line.' };
  }
  return undefined;
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
