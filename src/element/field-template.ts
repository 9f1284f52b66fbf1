import { html, nothing, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { live } from 'lit/directives/live.js';
import { FIELD_CATALOGUE } from '../fields/catalogue.js';
import type { FieldKey } from '../fields/keys.js';

/** Everything one field's markup depends on. */
export interface FieldView {
  readonly key: FieldKey;
  /** Unique in the page: `lc-<instance>-<key>`. */
  readonly id: string;
  readonly label: string;
  readonly required: boolean;
  readonly requiredMark: string;
  readonly chooseLabel: string;
  /** A select's options where the catalogue has none of its own: the state's, from their chunk (us-states-part.ts). */
  readonly options?: readonly (readonly [value: string, label: string])[] | undefined;
  readonly value: string;
  /** The message shown under the field, or empty. */
  readonly error: string;
  /** A gentle suggestion under the field (an email typo), with the action that applies it. */
  readonly hint?: TemplateResult;
}

/** Fields that take a whole row in a multi-column layout (the date of birth's fieldset too: date-field.ts). */
const WIDE: ReadonlySet<FieldKey> = new Set(['address', 'address2', 'description']);

function control(view: FieldView, describedBy: string | undefined): TemplateResult {
  const definition = FIELD_CATALOGUE[view.key];
  const invalid = view.error === '' ? 'false' : 'true';
  if (definition.control === 'select') {
    return html`<select
      class="lc-input lc-select"
      id=${view.id}
      name=${view.key}
      autocomplete=${definition.autocomplete}
      ?required=${view.required}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(describedBy)}
      .value=${live(view.value)}
    >
      <option value="">${view.chooseLabel}</option>
      ${(view.options ?? definition.options ?? []).map(
        ([value, label]) => html`<option value=${value} ?selected=${value === view.value}>${label}</option>`,
      )}
    </select>`;
  }
  if (definition.control === 'textarea') {
    return html`<textarea
      class="lc-input lc-textarea"
      id=${view.id}
      name=${view.key}
      autocomplete=${definition.autocomplete}
      maxlength=${definition.maxLength}
      ?required=${view.required}
      aria-invalid=${invalid}
      aria-describedby=${ifDefined(describedBy)}
      .value=${live(view.value)}
    ></textarea>`;
  }
  return html`<input
    class="lc-input"
    id=${view.id}
    name=${view.key}
    type=${definition.control}
    autocomplete=${definition.autocomplete}
    inputmode=${ifDefined(definition.inputmode)}
    maxlength=${definition.maxLength}
    ?required=${view.required}
    aria-invalid=${invalid}
    aria-describedby=${ifDefined(describedBy)}
    .value=${live(view.value)}
  />`;
}

/**
 * The "(required)" after a label, seen but not heard: the control's `required` already says it, and a
 * screen reader would otherwise read "First name (required), required".
 */
export function requiredMarkTemplate(required: boolean, mark: string): TemplateResult | typeof nothing {
  return required ? html` <span class="lc-required" aria-hidden="true">${mark}</span>` : nothing;
}

/**
 * A labelled control with its error underneath. The error (and a suggestion, when there is one) is
 * tied to the control by `aria-describedby` and `aria-invalid`: read when the person reaches the
 * field, never announced on its own (the error summary speaks for all of them at submit).
 */
export function fieldTemplate(view: FieldView): TemplateResult {
  const errorId = `${view.id}-error`;
  const hintId = `${view.id}-hint`;
  const describedBy = [view.error === '' ? '' : errorId, view.hint ? hintId : ''].filter(Boolean).join(' ');
  return html`<div class="lc-field lc-field--${view.key} ${WIDE.has(view.key) ? 'lc-field--wide' : ''}">
    <label class="lc-label" for=${view.id}>${view.label}${requiredMarkTemplate(view.required, view.requiredMark)}</label>
    ${control(view, describedBy === '' ? undefined : describedBy)}
    ${errorLine(errorId, view.error)}
    <p class="lc-hint" id=${hintId}>${view.hint ?? nothing}</p>
  </div>`;
}

/** The message under a control, the target of its `aria-describedby`: shared by the fields and the page's questions. */
export function errorLine(errorId: string, error: string): TemplateResult {
  return html`<p class="lc-error" id=${errorId}>${error}</p>`;
}
