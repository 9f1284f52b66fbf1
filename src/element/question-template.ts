import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { answerMaxLength, CHECKED, type Question } from '../fields/questions.js';
import { errorLine, requiredMarkTemplate } from './field-template.js';

/** Everything one question's markup depends on, its words already in the page's locale. */
export interface QuestionView {
  readonly question: Question;
  /** Unique in the page: `lc-<instance>-<name>`. */
  readonly id: string;
  readonly label: string;
  readonly placeholder: string | undefined;
  /** The options' values with their labels in the locale. */
  readonly options: readonly { readonly value: string; readonly label: string }[];
  readonly required: boolean;
  readonly requiredMark: string;
  readonly chooseLabel: string;
  readonly value: string;
  /** The message shown under the question, or empty. */
  readonly error: string;
}

function textControl(view: QuestionView, describedBy: string | undefined): TemplateResult {
  const { question } = view;
  const invalid = view.error === '' ? 'false' : 'true';
  if (question.type === 'textarea') {
    return html`<textarea
      class="lc-input lc-textarea"
      id=${view.id}
      name=${question.name}
      maxlength=${answerMaxLength(question)}
      placeholder=${ifDefined(view.placeholder)}
      ?required=${view.required}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(describedBy)}
      .value=${live(view.value)}
    ></textarea>`;
  }
  if (question.type === 'select') {
    return html`<select
      class="lc-input lc-select"
      id=${view.id}
      name=${question.name}
      ?required=${view.required}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(describedBy)}
      .value=${live(view.value)}
    >
      <option value="">${view.chooseLabel}</option>
      ${view.options.map((option) => html`<option value=${option.value} ?selected=${option.value === view.value}>${option.label}</option>`)}
    </select>`;
  }
  // A number is typed into a text box with the numeric keypad: `type=number` empties what it cannot
  // parse ("25,000"), so the person would be told to fill a field they filled.
  return html`<input
    class="lc-input"
    id=${view.id}
    name=${question.name}
    type="text"
    autocomplete="off"
    inputmode=${question.type === 'number' ? 'decimal' : 'text'}
    maxlength=${answerMaxLength(question)}
    placeholder=${ifDefined(view.placeholder)}
    ?required=${view.required}
    aria-invalid=${invalid}
    aria-describedby=${ifDefined(describedBy)}
    .value=${live(view.value)}
  />`;
}

/** Radios in a `fieldset` whose `legend` is the question (GOV.UK's radios), the error tied to the group. */
function radioGroup(view: QuestionView, errorId: string): TemplateResult {
  const { question } = view;
  const invalid = view.error === '' ? 'false' : 'true';
  return html`<fieldset
    class="lc-field lc-field--question lc-field--${question.name} lc-choice lc-field--wide"
    aria-describedby=${ifDefined(view.error === '' ? undefined : errorId)}
  >
    <legend class="lc-label">${view.label}${requiredMarkTemplate(view.required, view.requiredMark)}</legend>
    <div class="lc-options">
      ${view.options.map(
        (option, index) => html`<label class="lc-option" for=${`${view.id}-${index}`}>
          <input
            class="lc-radio"
            type="radio"
            id=${`${view.id}-${index}`}
            name=${question.name}
            value=${option.value}
            ?required=${view.required}
            aria-invalid=${invalid}
            .checked=${live(option.value === view.value)}
          />
          <span>${option.label}</span>
        </label>`,
      )}
    </div>
    ${errorLine(errorId, view.error)}
  </fieldset>`;
}

/** One box that says "yes" when ticked; its label is the statement it agrees to. */
function checkbox(view: QuestionView, errorId: string): TemplateResult {
  const { question } = view;
  return html`<div class="lc-field lc-field--question lc-field--${question.name} lc-check lc-field--wide">
    <div class="lc-option">
      <input
        class="lc-checkbox"
        type="checkbox"
        id=${view.id}
        name=${question.name}
        value=${CHECKED}
        ?required=${view.required}
        aria-invalid=${view.error === '' ? 'false' : 'true'}
        aria-describedby=${ifDefined(view.error === '' ? undefined : errorId)}
        .checked=${live(view.value === CHECKED)}
      />
      <label class="lc-label" for=${view.id}>${view.label}${requiredMarkTemplate(view.required, view.requiredMark)}</label>
    </div>
    ${errorLine(errorId, view.error)}
  </div>`;
}

/**
 * A page's own question with the catalogue fields' accessibility: a visible label tied to its
 * control, the required mark, the error tied by `aria-describedby` and `aria-invalid`.
 */
export function questionTemplate(view: QuestionView): TemplateResult {
  const errorId = `${view.id}-error`;
  const { question } = view;
  if (question.type === 'radio') return radioGroup(view, errorId);
  if (question.type === 'checkbox') return checkbox(view, errorId);
  const wide = question.type === 'textarea' ? 'lc-field--wide' : '';
  return html`<div class="lc-field lc-field--question lc-field--${question.name} ${wide}">
    <label class="lc-label" for=${view.id}>${view.label}${requiredMarkTemplate(view.required, view.requiredMark)}</label>
    ${textControl(view, view.error === '' ? undefined : errorId)}
    ${errorLine(errorId, view.error)}
  </div>`;
}
