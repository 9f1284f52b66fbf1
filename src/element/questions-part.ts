import { chunks, type QuestionsChunk } from './chunks.js';
import { onDemand } from './load-once.js';
import type { QuestionFields } from './question-fields.js';

/**
 * The page's own questions and multi-step forms come in a chunk of their own
 * (`lead-capture.questions.js`), loaded only by a form whose configuration has questions or steps,
 * before that form first renders (as a Spanish form waits for its words): a plain lead form never
 * fetches it. The builder's embed code preloads it, pinned, for a form that uses it.
 */
const part = onDemand(() => chunks.questions());

/** The chunk when loaded, else undefined (call `loadQuestionsPart`). */
export const questionsPart: () => QuestionsChunk | undefined = part.current;

/** Loads the chunk once per page; a failed load is tried again on the next call. */
export const loadQuestionsPart: () => Promise<QuestionsChunk> = part.load;

/**
 * Whether a configuration needs the chunk: any `questions` given (even a definition that turns out
 * not to work: the chunk is what says why), or any `steps`.
 */
export function asksQuestions({ questions, steps }: { readonly questions?: unknown; readonly steps?: string | undefined }): boolean {
  const given = Array.isArray(questions) ? questions.length > 0 : typeof questions === 'string' ? questions.trim() !== '' : questions !== undefined && questions !== null;
  return given || (steps ?? '').trim() !== '';
}

/** What the fields controller asks of the page's questions (question-fields.ts). */
export type QuestionAsker = Pick<QuestionFields, 'has' | 'answerOf' | 'message' | 'target' | 'render'>;

/** A form without questions: no name is one, and nothing is rendered for one. */
export const NO_QUESTIONS: QuestionAsker = {
  has: () => false,
  answerOf: () => undefined,
  message: () => undefined,
  target: (_name, id) => id,
  render: () => undefined,
};
