import { html, nothing, type TemplateResult } from 'lit';
import type { Outcome } from '../adapters/lead.js';
import { JORNAYA_TOKEN_ID } from '../consent/jornaya-token.js';
import { isFieldErrorCode, type FieldErrorCode } from '../fields/error-codes.js';
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

/**
 * What the person is told when a step failed. A retryable failure says what happened: offline
 * (`online` false), or our system not answering (a 500, a timeout) to a person whose connection is fine;
 * that the details are saved on this device only when they are (`saved` false for `persist="none"`).
 */
export function failureMessage(strings: UiStrings, outcome: Outcome, fieldErrorsShown: boolean, online = true, saved = true): string {
  if (outcome.code === 'trustedform_required') return strings.trustedformRequired;
  if (outcome.code === 'trustedform_failed') return strings.trustedformFailed;
  if (outcome.status === 'invalid') return fieldErrorsShown ? strings.invalidAtDestination : strings.failedFinal;
  if (!outcome.retryable) return strings.failedFinal;
  if (!saved) return online ? strings.failedServerUnsaved : strings.failedOfflineUnsaved;
  return online ? strings.failedServer : strings.failedOffline;
}

/** The fields a destination refused, as the form can show them. */
export interface FieldsRefused {
  /** The first refused field on screen, where the person is taken; undefined when none is on screen. */
  readonly first: string | undefined;
  readonly codes: Partial<Record<string, FieldErrorCode>>;
  /** The destination's own words, for a field it refused with words rather than one of our codes. */
  readonly reasons: Readonly<Record<string, string>>;
  /** Fields it wanted that this form does not ask for. */
  readonly unasked: readonly string[];
}

/**
 * Our relay answers a refused field with our code; a destination with its own words ("This email
 * domain is not accepted"), which are shown at the field as it said them, not as a guess of ours.
 */
export function fieldsRefused(outcome: Outcome, shown: readonly string[]): FieldsRefused {
  const codes: Partial<Record<string, FieldErrorCode>> = {};
  const reasons: Record<string, string> = {};
  const unasked: string[] = [];
  for (const [key, said] of Object.entries(outcome.fieldErrors ?? {})) {
    // `shown` holds catalogue keys and question names alike: what this screen asks.
    if (!shown.includes(key)) {
      unasked.push(key);
      continue;
    }
    codes[key] = isFieldErrorCode(said) ? said : 'characters';
    if (!isFieldErrorCode(said)) reasons[key] = said.slice(0, 200);
  }
  return { first: shown.find((key) => codes[key] !== undefined), codes, reasons, unasked };
}

/** The thank-you as one sentence for the live region: "Thank you. We have your details…". */
export function successAnnouncement(strings: UiStrings, outcome: Outcome): string {
  const title = strings.successTitle.trim();
  return `${title}${/[.!?¡¿]$/.test(title) ? '' : '.'} ${successBody(strings, outcome)}`;
}

function successBody(strings: UiStrings, outcome: Outcome): string {
  if (outcome.status === 'duplicate') return strings.duplicateBody;
  return outcome.status === 'queued' ? strings.queuedBody : strings.successBody;
}

/** What the status line says: a retry in progress, the thank-you, or the last summary. */
function statusText(view: DeliveryView, strings: UiStrings, maxAttempts: number, online: boolean): string {
  const state = view.state;
  if (state.phase === 'sending' && state.attempt > 1) {
    return (online ? strings.retryingServer : strings.retryingOffline)(state.attempt, maxAttempts);
  }
  if (state.phase === 'done') return successAnnouncement(strings, state.outcome);
  return view.status;
}

/**
 * The confirmation panel (GOV.UK's panel pattern): a heading that takes focus when it appears, so
 * the person (and their screen reader) is taken to it, scrolled into view on a phone.
 */
function successTemplate(strings: UiStrings, outcome: Outcome): TemplateResult {
  return html`<div class="lc-success">
    <h2 class="lc-success-title" tabindex="-1">${strings.successTitle}</h2>
    <p class="lc-success-body">${successBody(strings, outcome)}</p>
  </div>`;
}

/**
 * The thank-you panel, the status line and the alert. The status and alert regions are always in the
 * page, so what is put in them later is announced; the thank-you is spoken by the status region
 * (seen in the panel, so the region itself is then only heard).
 */
export function progressTemplate(view: DeliveryView, strings: UiStrings, maxAttempts: number, online = true): TemplateResult {
  const done = view.state.phase === 'done';
  return html`${view.state.phase === 'done' ? successTemplate(strings, view.state.outcome) : nothing}
    <p class="lc-status ${done ? 'lc-visually-hidden' : ''}" role="status">${statusText(view, strings, maxAttempts, online)}</p>
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
