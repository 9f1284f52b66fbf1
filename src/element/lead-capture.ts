import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Adapter } from '../adapters/adapter.js';
import type { LeadEnvelope, Outcome } from '../adapters/lead.js';
import { relay } from '../adapters/relay.js';
import { webhook } from '../adapters/webhook.js';
import { FIELD_CATALOGUE } from '../fields/catalogue.js';
import { isFieldKey, type FieldKey } from '../fields/keys.js';
import { fieldMessages, type FieldMessages, type MessageOverrides } from '../fields/messages/index.js';
import { formatPhoneAsYouType } from '../fields/phone.js';
import { isFieldErrorCode, type FieldErrorCode } from '../fields/rules.js';
import { createLeadValidator, localIsoDate, type LeadValidator } from '../fields/validate.js';
import { SubmissionFlow, type FlowState, type StepReport } from '../flow/submission.js';
import { resolveConfig, type LeadCaptureConfig } from './config.js';
import {
  LeadCreatedEvent,
  LeadErrorEvent,
  LeadInvalidEvent,
  LeadSubmitEvent,
  LeadSubmittedEvent,
} from './events.js';
import { fieldTemplate } from './field-template.js';
import { UI_STRINGS, type UiStrings } from './strings/index.js';
import { adoptStyles } from './styles.js';

let instances = 0;

/** What people type into a phone field: digits (any width), spaces and the usual punctuation. */
const PHONE_CHARACTERS = /^[\p{Nd}\s()+.-]*$/u;

/** The properties that make up the configuration; a change to any rebuilds validator and flow. */
const CONFIG_PROPERTIES: ReadonlySet<string> = new Set([
  'endpoint', 'adapter', 'destination', 'fields', 'required', 'locale', 'country', 'minAge', 'submitLabel', 'messages',
]);

/**
 * A consent-aware lead form that validates every field and delivers the lead through an adapter.
 *
 * @summary Embeddable lead form: `<lead-capture endpoint="…" fields="…">`.
 *
 * @event lead-invalid - Submit found bad fields. `detail: { errors, messages }`.
 * @event lead-submit - Valid values are about to be sent. Cancelable. `detail: { envelope, idempotencyKey }`.
 * @event lead-created - The first step answered. `detail: { outcome, next, reference, idempotencyKey }`.
 * @event lead-submitted - The lead reached its final outcome. `detail: { outcome, idempotencyKey }`.
 * @event lead-error - A step failed. `detail: { stage, retryable, message, outcome }`.
 *
 * @cssproperty --lead-capture-accent - Button background.
 * @cssproperty --lead-capture-font - Font family.
 */
export class LeadCapture extends LitElement {
  /** Relay base URL (`https://relay.example.com/v1`), or the webhook URL with `adapter="webhook"`. */
  @property() endpoint = '';
  /** `relay` (default), `webhook`, or (as a property) a partner's own `Adapter` object. */
  @property() adapter: string | Adapter = 'relay';
  /** The destination the relay forwards to, e.g. `pingtree`. */
  @property() destination = '';
  /** The fields to ask for, in order, space-separated: `first_name last_name email mobile zip_code`. */
  @property() fields = '';
  /** The fields that must be filled, space-separated. */
  @property() required = '';
  /** `en` (default) or `es`. */
  @property() locale = 'en';
  /** The phone numbering country, ISO 3166 alpha-2: `US` (default), `CA`, `PR`, … */
  @property() country = 'US';
  /** Date of birth must make the person at least this old. */
  @property({ type: Number, attribute: 'min-age' }) minAge = 18;
  /** The submit button's text, when not the locale's "Submit". */
  @property({ attribute: 'submit-label' }) submitLabel: string | undefined = undefined;
  /** Overrides for any label or message: `{ labels: { email: '…' }, errors: { required: '…' } }`. */
  @property({ type: Object }) messages: MessageOverrides | undefined = undefined;
  /** A nonce for a `<style>` element, for pages whose CSP forbids constructable stylesheets. */
  @property({ attribute: 'style-nonce' }) styleNonce: string | undefined = undefined;

  /** The values as typed so far, keyed by field name. Setting it pre-fills the form. */
  @property({ attribute: false }) values: Record<string, string> = {};

  @state() private errors: Partial<Record<string, FieldErrorCode>> = {};
  @state() private flowState: FlowState = { phase: 'idle' };
  /** Progress and summaries, announced politely. */
  @state() private statusMessage = '';
  /** A failed delivery, announced at once. */
  @state() private alertMessage = '';

  readonly #uid = `lc-${++instances}`;
  #flow: SubmissionFlow | undefined;
  #validator: LeadValidator | undefined;
  #messages: FieldMessages = fieldMessages('en');
  #strings: UiStrings = UI_STRINGS.en;
  #resolved: LeadCaptureConfig = resolveConfig(this.#attributes()).config;
  /** Fields whose errors may show: blurred with a value, or everything after the first submit. */
  readonly #touched = new Set<FieldKey>();
  #submitted = false;

  /** The whole configuration as one object: reading gives the resolved config; writing sets each property. */
  get config(): LeadCaptureConfig {
    return this.#resolved;
  }
  set config(value: Partial<LeadCaptureConfig>) {
    if (value.endpoint !== undefined) this.endpoint = value.endpoint;
    if (value.adapter !== undefined) this.adapter = value.adapter;
    if (value.destination !== undefined) this.destination = value.destination;
    if (value.fields !== undefined) this.fields = value.fields.join(' ');
    if (value.required !== undefined) this.required = value.required.join(' ');
    if (value.locale !== undefined) this.locale = value.locale;
    if (value.country !== undefined) this.country = value.country;
    if (value.minAge !== undefined) this.minAge = value.minAge;
    if (value.submitLabel !== undefined) this.submitLabel = value.submitLabel;
    if (value.messages !== undefined) this.messages = value.messages;
  }

  // The form renders into the light DOM, where TrustedForm and Jornaya can see it (see styles.ts).
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this.getRootNode() as Document | ShadowRoot, this.styleNonce);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    const configChanged = [...changed.keys()].some((key) => CONFIG_PROPERTIES.has(key as string));
    if (!configChanged && this.#validator) return;
    const { config, warnings } = resolveConfig(this.#attributes());
    for (const warning of warnings) console.warn(`<lead-capture>: ${warning}`);
    this.#resolved = config;
    this.#messages = fieldMessages(config.locale, config.messages);
    this.#strings = UI_STRINGS[config.locale];
    this.#validator = createLeadValidator({
      fields: config.fields,
      required: config.required,
      country: config.country,
      minAge: config.minAge,
      today: localIsoDate(new Date()),
    });
    if (changed.has('endpoint') || changed.has('adapter') || changed.has('destination') || !this.#flow) {
      this.#flow = this.#createFlow(config);
    }
  }

  #attributes() {
    return {
      endpoint: this.endpoint,
      adapter: this.adapter,
      destination: this.destination,
      fields: this.fields,
      required: this.required,
      locale: this.locale,
      country: this.country,
      minAge: this.minAge,
      submitLabel: this.submitLabel,
      messages: this.messages,
    };
  }

  #createFlow(config: LeadCaptureConfig): SubmissionFlow | undefined {
    const adapter = this.#adapterFor(config);
    if (!adapter) return undefined;
    const flow = new SubmissionFlow({ adapter, fetch: (input, init) => fetch(input, init), now: () => new Date() });
    flow.subscribe((flowState) => {
      this.flowState = flowState;
    });
    return flow;
  }

  #adapterFor(config: LeadCaptureConfig): Adapter | undefined {
    if (typeof config.adapter === 'object') return config.adapter;
    if (config.endpoint === '') return undefined;
    if (config.adapter === 'webhook') return webhook({ url: config.endpoint });
    return relay({ endpoint: config.endpoint, destination: config.destination });
  }

  #messageFor(key: string, code: FieldErrorCode): string {
    const label = isFieldKey(key) ? this.#messages.labels[key] : key;
    const maxLength = isFieldKey(key) ? FIELD_CATALOGUE[key].maxLength : 0;
    return this.#messages.errors[code]({ label, maxLength, minAge: this.#resolved.minAge });
  }

  #validateOne(key: FieldKey): void {
    const result = this.#validator?.field(key, this.values[key] ?? '');
    const errors = { ...this.errors };
    if (!result || result.ok) delete errors[key];
    else errors[key] = result.error;
    this.errors = errors;
  }

  private handleInput(event: Event): void {
    const target = event.target;
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
    const key = target.name;
    if (!isFieldKey(key)) return;
    let value = target.value;
    const typedAtEnd = target instanceof HTMLInputElement && target.selectionStart === value.length;
    const deleting = (event as InputEvent).inputType?.startsWith('delete') ?? false;
    // Format only what is made of phone characters: AsYouType drops letters, and a person's
    // "call me" must reach the validator (and an error message), not vanish.
    if (FIELD_CATALOGUE[key].control === 'tel' && typedAtEnd && !deleting && PHONE_CHARACTERS.test(value)) {
      value = formatPhoneAsYouType(value, this.#resolved.country);
    }
    this.values = { ...this.values, [key]: value };
    // Once an error is showing, re-check as the person types so it clears the moment it is fixed.
    if (this.errors[key] !== undefined) this.#validateOne(key);
  }

  private handleFocusOut(event: FocusEvent): void {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !('name' in target)) return;
    const key = String(target.name);
    if (!isFieldKey(key)) return;
    if ((this.values[key] ?? '').trim() !== '' || this.#submitted) {
      this.#touched.add(key);
      this.#validateOne(key);
    }
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.submit();
  }

  /** Validates and sends, exactly as pressing Submit does. Resolves when the attempt has an answer. */
  async submit(): Promise<void> {
    if (this.flowState.phase === 'sending' || this.flowState.phase === 'done') return;
    this.#submitted = true;
    const validator = this.#validator;
    if (!validator) return;
    const validation = validator.lead(this.#presentValues());
    if (!validation.ok) {
      this.errors = { ...validation.errors };
      const messages = Object.fromEntries(
        Object.entries(validation.errors).map(([key, code]) => [key, this.#messageFor(key, code ?? 'characters')]),
      );
      this.statusMessage = this.#strings.errorSummary(Object.keys(messages).length);
      this.dispatchEvent(new LeadInvalidEvent({ errors: validation.errors, messages }));
      await this.updateComplete;
      this.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    this.errors = {};
    this.alertMessage = '';
    this.statusMessage = '';
    const flow = this.#flow;
    if (!flow) {
      this.alertMessage = this.#strings.notConfigured;
      return;
    }
    const envelope: LeadEnvelope = {
      ...(this.#resolved.destination === '' ? {} : { destination: this.#resolved.destination }),
      lead: validation.lead,
    };
    const idempotencyKey = flow.keyFor(envelope);
    if (!this.dispatchEvent(new LeadSubmitEvent({ envelope, idempotencyKey }))) return;
    this.statusMessage = this.#strings.sending;
    const report = await flow.create(envelope, idempotencyKey);
    if (report) this.#report(report);
  }

  /** Clears the form and forgets the lead, ready for another person. */
  reset(): void {
    this.#flow?.reset();
    this.values = {};
    this.errors = {};
    this.statusMessage = '';
    this.alertMessage = '';
    this.#touched.clear();
    this.#submitted = false;
    this.flowState = { phase: 'idle' };
  }

  /** Only the fields the form shows: values typed before `fields` changed are not sent. */
  #presentValues(): Record<string, string> {
    return Object.fromEntries(this.#resolved.fields.map((key) => [key, this.values[key] ?? '']));
  }

  #report(report: StepReport): void {
    const { idempotencyKey } = report;
    if (report.stage === 'create') {
      this.dispatchEvent(new LeadCreatedEvent({ ...report.result, idempotencyKey }));
      if (report.result.next === 'submit' && this.flowState.phase === 'awaiting-submit') {
        void this.#runSubmitStep();
        return;
      }
    }
    const outcome = report.stage === 'create' ? report.result.outcome : report.outcome;
    if (this.flowState.phase === 'done') {
      this.statusMessage = '';
      this.dispatchEvent(new LeadSubmittedEvent({ outcome, idempotencyKey }));
    } else if (this.flowState.phase === 'failed') {
      this.#showFailure(report.stage, outcome);
    }
  }

  async #runSubmitStep(): Promise<void> {
    const mobile = this.#presentValues()['mobile'];
    const report = await this.#flow?.submit(mobile ? { mobile } : {});
    if (report) this.#report(report);
  }

  #showFailure(stage: 'create' | 'submit', outcome: Outcome): void {
    const fieldErrors = Object.entries(outcome.fieldErrors ?? {}).filter(
      (entry): entry is [FieldKey, string] => isFieldKey(entry[0]) && this.#resolved.fields.includes(entry[0]),
    );
    if (fieldErrors.length > 0) {
      this.errors = Object.fromEntries(fieldErrors.map(([key, code]) => [key, isFieldErrorCode(code) ? code : 'characters']));
    }
    const message =
      outcome.status === 'invalid'
        ? this.#strings.invalidAtDestination
        : outcome.retryable
          ? this.#strings.failedRetryable
          : this.#strings.failedFinal;
    this.statusMessage = '';
    this.alertMessage = message;
    this.dispatchEvent(new LeadErrorEvent({ stage, retryable: outcome.retryable, message, outcome }));
  }

  protected override render() {
    const phase = this.flowState.phase;
    const strings = this.#strings;
    const config = this.#resolved;
    const busy = phase === 'sending';
    const done = phase === 'done';
    const retryable = phase === 'failed' && this.flowState.outcome.retryable;
    return html`<form
      class="lc-form"
      novalidate
      aria-busy=${busy ? 'true' : 'false'}
      @submit=${this.handleSubmit}
      @input=${this.handleInput}
      @change=${this.handleInput}
      @focusout=${this.handleFocusOut}
    >
      <div class="lc-fields" ?hidden=${done}>
        ${config.fields.map((key) => {
          const code = this.errors[key];
          return fieldTemplate({
            key,
            id: `${this.#uid}-${key}`,
            label: this.#messages.labels[key],
            required: config.required.includes(key),
            requiredMark: strings.requiredMark,
            chooseLabel: strings.choose,
            value: this.values[key] ?? '',
            error: code === undefined ? '' : this.#messageFor(key, code),
          });
        })}
      </div>
      ${done ? this.#successTemplate(this.flowState.phase === 'done' ? this.flowState.outcome : undefined) : nothing}
      <p class="lc-status" role="status">${done ? '' : this.statusMessage}</p>
      <p class="lc-alert" role="alert">${this.alertMessage}</p>
      <div class="lc-actions" ?hidden=${done}>
        <!-- After a retryable failure the one button becomes "Try again": it sends the same lead with the same key. -->
        <button class="lc-button lc-submit ${retryable ? 'lc-retry' : ''}" type="submit" aria-disabled=${busy ? 'true' : 'false'}>
          ${busy ? strings.sending : retryable ? strings.retry : (config.submitLabel ?? strings.submit)}
        </button>
      </div>
    </form>`;
  }

  #successTemplate(outcome: Outcome | undefined) {
    const body = outcome?.status === 'duplicate' ? this.#strings.duplicateBody : this.#strings.successBody;
    return html`<div class="lc-success" role="status">
      <strong class="lc-success-title">${this.#strings.successTitle}</strong>
      <p>${body}</p>
    </div>`;
  }
}
