/**
 * Chunk `lead-capture.questions.js`: the page's own questions and multi-step forms (DESIGN.md,
 * "Questions and steps"): reading their definitions and the `steps` attribute, and asking the
 * questions. Loaded only by a form whose configuration has questions or steps, before that form
 * first renders (src/element/questions-part.ts); a plain lead form never fetches it. Moving through
 * several steps (step-sequence.ts) comes with it; which screen is shown stays in the first chunk
 * (steps-controller.ts), which every form needs, and what Submit does on it comes with delivery
 * (screen-submit.ts).
 */
export { parseQuestions } from '../fields/question-definitions.js';
export { parseSteps } from '../fields/steps.js';
export { QuestionFields } from '../element/question-fields.js';
export { StepSequence } from '../element/step-sequence.js';
