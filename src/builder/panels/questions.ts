import { html, nothing, type TemplateResult } from 'lit';
import { addQuestion, questionProblem, removeQuestion, updateQuestion } from '../questions.js';
import { QUESTION_TYPES, type QuestionType } from '../../fields/questions.js';
import { checkboxControl, selectControl, textControl, type PanelContext } from './controls.js';
import { idOf } from './fields.js';

const TYPE_LABELS: Readonly<Record<QuestionType, string>> = {
  text: 'Short text',
  textarea: 'Long text',
  number: 'Number',
  select: 'Drop-down list',
  radio: 'Choice of one (radio buttons)',
  checkbox: 'Yes/no box',
};
const TYPES = QUESTION_TYPES.map((type) => [type, TYPE_LABELS[type]] as const);

/** The page's own questions: add, edit (name, label, type, options, required), remove. */
export function questionsPanel({ state, change, focusLater }: PanelContext): TemplateResult {
  return html`<fieldset class="b-panel">
    <legend>Questions</legend>
    <p class="b-hint">Your own questions beside the fields (total debt, coverage, homeowner…). Each also appears in the field list, where you place it.</p>
    ${state.questions.map((question, index) => {
      const id = idOf(question.id);
      const problem = questionProblem(question, state.questions);
      const errorOn = (on: 'name' | 'label' | 'options') => (problem?.on === on ? problem.message : undefined);
      const set = (patch: Parameters<typeof updateQuestion>[2]) => change(updateQuestion(state, question.id, patch));
      return html`<fieldset class="b-question">
        <legend>Question ${index + 1}</legend>
        ${textControl(`b-${id}-label`, 'Label', question.label, (label) => set({ label }), { error: errorOn('label') })}
        ${textControl(`b-${id}-name`, 'Name (sent as)', question.name, (name) => set({ name }), { error: errorOn('name'), hint: 'The key the answer travels under, e.g. debt_amount.' })}
        ${selectControl(`b-${id}-type`, 'Type', question.type, TYPES, (type) => set({ type }))}
        ${question.type === 'select' || question.type === 'radio'
          ? textControl(`b-${id}-options`, 'Options, one per line', question.options.join('\n'), (text) => set({ options: text.split('\n') }), {
              multiline: true,
              error: errorOn('options'),
            })
          : nothing}
        ${checkboxControl(`b-${id}-required`, 'Required', question.required, (required) => set({ required }))}
        <button type="button" class="b-secondary" @click=${() => {
          focusLater('b-add-question');
          change(removeQuestion(state, question.id), `Question ${index + 1} removed.`);
        }}>Remove question ${index + 1}</button>
        ${problem ? html`<p class="b-warning" role="note">Left out of the form until this is fixed.</p>` : nothing}
      </fieldset>`;
    })}
    <button type="button" id="b-add-question" class="b-secondary" @click=${() => {
      const next = addQuestion(state);
      focusLater(`b-${idOf(next.questions.at(-1)!.id)}-label`);
      change(next, `Question ${next.questions.length} added at the end of the form.`);
    }}>Add a question</button>
  </fieldset>`;
}
