import { html, nothing, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { isQuestionId } from '../questions.js';
import { MAX_STEPS, askedEntries, entriesByStep, stepsOf, type BuilderState } from '../state.js';
import { checkboxControl, selectControl, type PanelContext } from './controls.js';
import { fieldLabel } from './destination.js';

/** An order entry as an id fragment (`#2` → `q2`). */
export function idOf(entry: string): string {
  return isQuestionId(entry) ? `q${entry.slice(1)}` : entry;
}

function labelOf(state: BuilderState, entry: string): string {
  if (!isQuestionId(entry)) return fieldLabel(entry);
  const question = state.questions.find((each) => each.id === entry);
  return `${question?.label.trim() || question?.name || 'Question'} (question)`;
}

function isRequired(state: BuilderState, entry: string): boolean {
  return isQuestionId(entry) ? (state.questions.find((each) => each.id === entry)?.required ?? false) : state.required.includes(entry);
}

function withRequired(state: BuilderState, entry: string, required: boolean): BuilderState {
  if (isQuestionId(entry)) return { ...state, questions: state.questions.map((each) => (each.id === entry ? { ...each, required } : each)) };
  return { ...state, required: required ? [...state.required, entry] : state.required.filter((key) => key !== entry) };
}

function moved(order: readonly string[], index: number, by: -1 | 1): string[] {
  const next = [...order];
  [next[index], next[index + by]] = [next[index + by]!, next[index]!];
  return next;
}

const STEP_COUNTS = [['1', 'One page'], ...Array.from({ length: MAX_STEPS - 1 }, (_, i) => [String(i + 2), `${i + 2} steps`] as const)] as const;

/** The fields and questions: a checkbox each to ask it, a required toggle, its step, and its place. */
export function fieldsPanel({ state, change, focusLater }: PanelContext): TemplateResult {
  const move = (entry: string, index: number, by: -1 | 1) => {
    const order = moved(state.order, index, by);
    const at = index + by;
    // Focus stays on the button pressed, or on its twin once the row reaches an end.
    const direction = (by === -1 && at === 0) || (by === 1 && at === order.length - 1) ? (by === -1 ? 'down' : 'up') : by === -1 ? 'up' : 'down';
    focusLater(`b-move-${direction}-${idOf(entry)}`);
    change({ ...state, order }, `${labelOf(state, entry)} moved to place ${at + 1}.`);
  };
  const steps = stepsOf(state);
  const emptySteps = state.stepCount > 1 && askedEntries(state).length > 0
    ? entriesByStep(state).flatMap((group, i) => (group.length === 0 ? [i + 1] : []))
    : [];
  return html`<fieldset class="b-panel">
    <legend>Fields</legend>
    <p class="b-hint">Tick what the form asks, in this order. Move a row with its arrows.</p>
    ${selectControl('b-steps', 'Split the form into', String(state.stepCount), STEP_COUNTS, (value) => change({ ...state, stepCount: Number(value) }),
      'Short first steps convert best: ZIP code first, contact details last. Consent comes with the last step.')}
    ${emptySteps.length > 0
      ? html`<p class="b-hint" id="b-empty-steps">No field is on step ${emptySteps.join(', ')}: the form has ${state.stepCount - emptySteps.length < 2 ? 'one page' : `${state.stepCount - emptySteps.length} steps`}.</p>`
      : nothing}
    <ol class="b-fields">
      ${repeat(state.order, (entry) => entry, (entry, index) => {
        const id = idOf(entry);
        const label = labelOf(state, entry);
        const asked = state.included.includes(entry);
        return html`<li class="b-field-row">
          ${checkboxControl(`b-ask-${id}`, label, asked, (checked) =>
            change({ ...state, included: checked ? [...state.included, entry] : state.included.filter((each) => each !== entry) }))}
          ${checkboxControl(`b-required-${id}`, html`Required<span class="b-vh"> (${label})</span>`, isRequired(state, entry), (checked) =>
            change(withRequired(state, entry, checked)), { disabled: !asked })}
          ${state.stepCount > 1 && asked
            ? html`<div class="b-step">
                <label for="b-step-${id}">Step<span class="b-vh"> for ${label}</span></label>
                <select id="b-step-${id}" @change=${(event: Event) => change({ ...state, stepOf: { ...state.stepOf, [entry]: Number((event.target as HTMLSelectElement).value) } })}>
                  ${Array.from({ length: state.stepCount }, (_, i) => html`<option value=${i + 1} ?selected=${steps[entry] === i + 1}>${i + 1}</option>`)}
                </select>
              </div>`
            : nothing}
          <span class="b-move">
            <button type="button" id="b-move-up-${id}" ?disabled=${index === 0} @click=${() => move(entry, index, -1)}>
              <span aria-hidden="true">↑</span><span class="b-vh">Move ${label} up</span>
            </button>
            <button type="button" id="b-move-down-${id}" ?disabled=${index === state.order.length - 1} @click=${() => move(entry, index, 1)}>
              <span aria-hidden="true">↓</span><span class="b-vh">Move ${label} down</span>
            </button>
          </span>
        </li>`;
      })}
    </ol>
  </fieldset>`;
}
