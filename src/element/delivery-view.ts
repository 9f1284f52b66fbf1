import { html, nothing, type TemplateResult } from 'lit';
import type { Outcome } from '../adapters/lead.js';
import { JORNAYA_TOKEN_ID } from '../consent/jornaya.js';
import type { FlowState } from '../flow/submission.js';
import type { UiStrings } from './strings/index.js';

/** What the person is told about the lead on its way. */
export interface DeliveryView {
  readonly state: FlowState;
  /** Waiting for the consent recorders before anything is sent. */
  readonly preparing: boolean;
  /** Progress and summaries, announced politely. */
  readonly status: string;
  /** A failed delivery, announced at once. */
  readonly alert: string;
}

/** What the person is told when a step failed. */
export function failureMessage(strings: UiStrings, outcome: Outcome, fieldErrorsShown: boolean): string {
  if (outcome.code === 'trustedform_required') return strings.trustedformRequired;
  if (outcome.code === 'trustedform_failed') return strings.trustedformFailed;
  if (outcome.status === 'invalid') return fieldErrorsShown ? strings.invalidAtDestination : strings.failedFinal;
  return outcome.retryable ? strings.failedRetryable : strings.failedFinal;
}

/** What the status line says: a retry in progress, or the last summary. */
function statusText(view: DeliveryView, strings: UiStrings, maxAttempts: number): string {
  const state = view.state;
  if (state.phase === 'sending' && state.attempt > 1) return strings.retrying(state.attempt, maxAttempts);
  if (state.phase === 'done') return view.status === strings.resumed ? view.status : '';
  return view.status;
}

function successTemplate(strings: UiStrings, outcome: Outcome): TemplateResult {
  const body = outcome.status === 'duplicate' ? strings.duplicateBody : strings.successBody;
  return html`<div class="lc-success" role="status">
    <strong class="lc-success-title">${strings.successTitle}</strong>
    <p>${body}</p>
  </div>`;
}

/** The thank-you message, the status line and the alert. */
export function progressTemplate(view: DeliveryView, strings: UiStrings, maxAttempts: number): TemplateResult {
  return html`${view.state.phase === 'done' ? successTemplate(strings, view.state.outcome) : nothing}
    <p class="lc-status" role="status">${statusText(view, strings, maxAttempts)}</p>
    <p class="lc-alert" role="alert">${view.alert}</p>`;
}

/** Jornaya's token input has a fixed id: the first widget on the page carries it, no other. */
function holdsJornayaToken(element: Element): boolean {
  const existing = element.ownerDocument.getElementById(JORNAYA_TOKEN_ID);
  return existing === null || element.contains(existing);
}

/** Jornaya's token input (when this widget carries it), the tracking, and the off-screen honeypot people never fill. */
export function hiddenFieldsTemplate(element: Element, jornaya: boolean, tracking: readonly TemplateResult[]): TemplateResult {
  return html`${jornaya && holdsJornayaToken(element) ? html`<input type="hidden" id=${JORNAYA_TOKEN_ID} name="universal_leadid" />` : nothing}
    ${tracking}
    <div class="lc-honeypot" aria-hidden="true">
      <label>Leave this field empty <input type="text" name="lc_website" tabindex="-1" autocomplete="off" /></label>
    </div>`;
}
