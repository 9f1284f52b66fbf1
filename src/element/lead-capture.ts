import { html, LitElement, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Adapter } from '../adapters/adapter.js';
import type { ConsentEvidence, LeadEnvelope, Outcome, SubmitStepInput } from '../adapters/lead.js';
import { relay } from '../adapters/relay.js';
import { webhook } from '../adapters/webhook.js';
import { JORNAYA_TOKEN_ID } from '../consent/jornaya.js';
import { FIELD_CATALOGUE } from '../fields/catalogue.js';
import { isFieldKey, type FieldKey } from '../fields/keys.js';
import { fieldMessages, type FieldMessages, type MessageOverrides } from '../fields/messages/index.js';
import { suggestEmail } from '../fields/email-typos.js';
import { formatPhoneAsYouType } from '../fields/phone.js';
import { isFieldErrorCode, type FieldErrorCode } from '../fields/rules.js';
import { createLeadValidator, localIsoDate, type LeadValidator } from '../fields/validate.js';
import { exclusive } from '../flow/exclusive.js';
import { lazyOutbox, openOutbox, type Outbox } from '../flow/outbox.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../flow/retry.js';
import { SubmissionFlow, type FlowState, type StepReport } from '../flow/submission.js';
import { captureTracking } from '../tracking/storage.js';
import { resolveConfig, type LeadCaptureAttributes, type LeadCaptureConfig } from './config.js';
import { ConsentController } from './consent-controller.js';
import { LeadCreatedEvent, LeadErrorEvent, LeadInvalidEvent, LeadSubmitEvent, LeadSubmittedEvent } from './events.js';
import { collectEvidence, startRecorders, type EvidenceReport } from './evidence.js';
import { fieldTemplate } from './field-template.js';
import { UI_STRINGS, type UiStrings } from './strings/index.js';
import { adoptStyles } from './styles.js';

let instances = 0;

/** What people type into a phone field: digits (any width), spaces and the usual punctuation. */
const PHONE_CHARACTERS = /^[\p{Nd}\s()+.-]*$/u;

/** The properties that make up the configuration; a change to any rebuilds what depends on it. */
const CONFIG_PROPERTIES: ReadonlySet<string> = new Set([
  'endpoint', 'adapter', 'destination', 'fields', 'required', 'locale', 'country', 'minAge', 'submitLabel', 'messages',
  'consent', 'sellers', 'consentVersion', 'consentOptional', 'consentTiming', 'trustedform', 'trustedformSrc',
  'trustedformTimeout', 'jornaya', 'jornayaSrc', 'persist', 'requestTimeout', 'retryPolicy',
  'tracking', 'trackingParams', 'minFillMs', 'challengeField', 'challenge', 'theme', 'layout', 'styleNonce',
]);



/** The key under which a consent problem is reported beside the field errors. */
const CONSENT = 'consent';

/**
 * A consent-aware lead form that validates every field and delivers the lead through an adapter.
 *
 * @summary Embeddable lead form: `<lead-capture endpoint="…" fields="…">`.
 *
 * @slot consent - A `<template slot="consent">` with the disclosure; links and emphasis are kept, scripts never.
 *
 * @event lead-invalid - Submit found bad fields. `detail: { errors, messages }`.
 * @event lead-submit - Valid values are about to be sent. Cancelable. `detail: { envelope, idempotencyKey, evidence }`.
 * @event lead-created - The first step answered. `detail: { outcome, next, reference, idempotencyKey, evidence }`.
 * @event lead-submitted - The lead reached its final outcome. `detail: { outcome, idempotencyKey, evidence, consent }`.
 * @event lead-error - A step failed. `detail: { stage, retryable, message, outcome }`.
 *
 * @cssproperty --lead-capture-font - Font family (default: the system UI font).
 * @cssproperty --lead-capture-font-size - Base font size (default 16px, independent of the page).
 * @cssproperty --lead-capture-color - Text colour.
 * @cssproperty --lead-capture-background - The widget's background.
 * @cssproperty --lead-capture-muted - Secondary text, such as "(required)".
 * @cssproperty --lead-capture-border - Input border colour.
 * @cssproperty --lead-capture-frame-border - The widget's own border (a full `border` value, or `0`).
 * @cssproperty --lead-capture-input-background - Input background.
 * @cssproperty --lead-capture-input-color - Input text colour.
 * @cssproperty --lead-capture-input-border-width - Input border width.
 * @cssproperty --lead-capture-accent - Button background and checkbox colour.
 * @cssproperty --lead-capture-accent-text - Button text colour.
 * @cssproperty --lead-capture-focus - Focus ring colour.
 * @cssproperty --lead-capture-link - Link colour in the consent text.
 * @cssproperty --lead-capture-error - Error text and invalid-field borders.
 * @cssproperty --lead-capture-error-background - Background of the delivery-failure message.
 * @cssproperty --lead-capture-error-text - Text of the delivery-failure message.
 * @cssproperty --lead-capture-success - Accent of the thank-you message.
 * @cssproperty --lead-capture-success-background - Background of the thank-you message.
 * @cssproperty --lead-capture-success-text - Text of the thank-you message.
 * @cssproperty --lead-capture-color-scheme - `light` or `dark` form controls.
 * @cssproperty --lead-capture-radius - Corner radius of the widget.
 * @cssproperty --lead-capture-input-radius - Corner radius of inputs.
 * @cssproperty --lead-capture-button-radius - Corner radius of the button.
 * @cssproperty --lead-capture-gap - Space between fields.
 * @cssproperty --lead-capture-padding - Space inside the widget.
 * @cssproperty --lead-capture-max-width - The widget's maximum width (default 40rem).
 * @cssproperty --lead-capture-field-min-width - Narrowest a field column may get before fields wrap (default 14em).
 * @cssproperty --lead-capture-consent-font-size - Size of the consent text (default 0.875em).
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
  /** The consent disclosure; `{sellers}` is replaced by the sellers' names. */
  @property() consent = '';
  /** The sellers named in the consent, separated by `;` or `|`; one checkbox each when more than one. */
  @property() sellers = '';
  /** The disclosure's version, recorded with the consent. */
  @property({ attribute: 'consent-version' }) consentVersion: string | undefined = undefined;
  /** Let a lead go without consent (the record then says the box was not checked). */
  @property({ type: Boolean, attribute: 'consent-optional' }) consentOptional = false;
  /** `create` (default): consent on the form. `submit`: a consent step after create, for two-step destinations. */
  @property({ attribute: 'consent-timing' }) consentTiming = '';
  /** Load TrustedForm and send its certificate with the lead. */
  @property({ type: Boolean }) trustedform = false;
  /** TrustedForm's script URL, when not TrustedForm's own (a proxy, a test stand-in). */
  @property({ attribute: 'trustedform-src' }) trustedformSrc: string | undefined = undefined;
  /** How long Submit waits for the TrustedForm certificate (and Jornaya token), in ms; default 3000. */
  @property({ type: Number, attribute: 'trustedform-timeout' }) trustedformTimeout = 3000;
  /** A Jornaya LeadiD campaign key: load its script and send the token with the lead. */
  @property() jornaya = '';
  /** Jornaya's script URL, when not Jornaya's own. */
  @property({ attribute: 'jornaya-src' }) jornayaSrc: string | undefined = undefined;
  /** `local` (default): keep unsent leads on this device until delivered (7 days at most); `none`: never store them. */
  @property() persist = 'local';
  /** How long one send may take before it is abandoned and retried, in ms; default 15000. */
  @property({ type: Number, attribute: 'request-timeout' }) requestTimeout = 15_000;
  /** How transient failures are retried: `{ maxAttempts, baseDelayMs, maxDelayMs, budgetMs }`. */
  @property({ attribute: false }) retryPolicy: RetryPolicy = DEFAULT_RETRY_POLICY;
  /** `on` (default): send UTM tags, click ids, sub-ids, referrer and landing page; `off`: none. */
  @property() tracking = 'on';
  /** More URL parameters to send as tracking, space-separated (`campaign_ref promo`). */
  @property({ attribute: 'tracking-params' }) trackingParams = '';
  /** A lead is not sent sooner than this after the form appeared (ms); people wait, scripts are caught. */
  @property({ type: Number, attribute: 'min-fill-ms' }) minFillMs = 2000;
  /** The name of an input in the page holding a challenge token (`cf-turnstile-response`, `g-recaptcha-response`). */
  @property({ attribute: 'challenge-field' }) challengeField = '';
  /** A function giving the page's challenge token (Turnstile, reCAPTCHA) when the lead is sent. */
  @property({ attribute: false }) challenge: (() => string | undefined | Promise<string | undefined>) | undefined = undefined;
  /** `light` (default), `dark`, or `auto` (follows the visitor's system setting). */
  @property({ reflect: true }) theme = 'light';
  /** `grid` (default: as many columns as fit), `stacked` (one column) or `inline` (fields and button in a row). */
  @property({ reflect: true }) layout = 'grid';
  /** A nonce for a `<style>` element, for pages whose CSP forbids constructable stylesheets. */
  @property({ attribute: 'style-nonce' }) styleNonce: string | undefined = undefined;
  /** The values as typed so far, keyed by field name. Setting it pre-fills the form. */
  @property({ attribute: false }) values: Record<string, string> = {};

  @state() private errors: Partial<Record<string, FieldErrorCode>> = {};
  @state() private flowState: FlowState = { phase: 'idle' };
  /** Waiting for the consent recorders before anything is sent. */
  @state() private preparing = false;
  /** Progress and summaries, announced politely. */
  @state() private statusMessage = '';
  /** A failed delivery, announced at once. */
  @state() private alertMessage = '';
  /** A likely correction of the email typed ("gmial.com"), offered under the field. */
  @state() private emailSuggestion: string | undefined = undefined;
  /** The campaign context, captured when the form appeared, shown as hidden fields and sent with the lead. */
  @state() private trackingValues: Readonly<Record<string, string>> = {};

  readonly #uid = `lc-${++instances}`;
  readonly #consent = new ConsentController(this);
  #flow: SubmissionFlow | undefined;
  #validator: LeadValidator | undefined;
  #messages: FieldMessages = fieldMessages('en');
  #strings: UiStrings = UI_STRINGS.en;
  #resolved: LeadCaptureConfig = resolveConfig(this.#attributes()).config;
  #evidence: EvidenceReport = { trustedform: 'off', jornaya: 'off' };
  /** The last envelope sent: its certificate and mobile go with an automatic second step. */
  #sent: LeadEnvelope | undefined;
  /** The consent record of the lead on its way, for `lead-submitted`. */
  #lastConsent: ConsentEvidence | undefined;
  #submitted = false;
  #outbox: { persist: boolean; store: Outbox } | undefined;
  /** When the form first appeared, for the minimum fill time. */
  #shownAt = 0;
  readonly #resumeOnline = () => void this.#resumePending();

  /** The whole configuration as one object: reading gives the resolved config; writing sets each property. */
  get config(): LeadCaptureConfig {
    return this.#resolved;
  }
  set config(value: Partial<LeadCaptureConfig>) {
    for (const [key, entry] of Object.entries(value)) {
      if (!CONFIG_PROPERTIES.has(key) || entry === undefined) continue;
      const joined = Array.isArray(entry) ? entry.join(key === 'sellers' ? '; ' : ' ') : entry;
      (this as unknown as Record<string, unknown>)[key] = joined;
    }
  }

  // The form renders into the light DOM, where TrustedForm and Jornaya can see it (see styles.ts).
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this.getRootNode() as Document | ShadowRoot, this.styleNonce);
    window.addEventListener('online', this.#resumeOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#resumeOnline);
  }

  protected override firstUpdated(): void {
    this.#shownAt = performance.now();
    // A lead left in the outbox (a reload, a closed tab, a dropped connection) goes now, with its key.
    void this.#resumePending();
  }

  /** Sends the leads this configuration left unsent, one by one, and shows the person what became of them. */
  async #resumePending(): Promise<void> {
    const flow = this.#flow;
    if (!flow || this.flowState.phase === 'sending' || this.preparing) return;
    for (const entry of await flow.pending()) {
      if (this.flowState.phase !== 'idle' && this.flowState.phase !== 'failed') return;
      this.values = { ...entry.envelope.lead };
      this.#sent = entry.envelope;
      this.#lastConsent = entry.envelope.consent;
      const report = await flow.resume(entry);
      if (!report) continue;
      await this.#report(report);
      if (this.#phase() === 'done') this.statusMessage = this.#strings.resumed;
    }
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // The campaign context, captured as the form first appears (and again if the page changes what to
    // capture); set here, before rendering, so it costs no second render.
    if (!this.hasUpdated || changed.has('tracking') || changed.has('trackingParams')) {
      this.trackingValues =
        this.tracking === 'off' ? {} : captureTracking(window, this.trackingParams.split(/\s+/).filter(Boolean), this.persist !== 'none');
    }
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
    const deliveryChanged = ['endpoint', 'adapter', 'destination', 'persist', 'requestTimeout', 'retryPolicy', 'consentTiming'].some((key) =>
      changed.has(key as keyof LeadCapture),
    );
    if (deliveryChanged || !this.#flow) this.#flow = this.#createFlow(config);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // The recorders must find the form already in the page (TrustedForm's own prerequisite).
    if (changed.has('trustedform') || changed.has('jornaya')) startRecorders(this.ownerDocument, this.#evidenceOptions());
  }

  #attributes(): LeadCaptureAttributes {
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
      consent: this.consent,
      sellers: this.sellers,
      consentVersion: this.consentVersion,
      consentOptional: this.consentOptional,
      consentTiming: this.consentTiming,
      trustedform: this.trustedform,
      trustedformSrc: this.trustedformSrc,
      trustedformTimeout: this.trustedformTimeout,
      jornaya: this.jornaya,
      jornayaSrc: this.jornayaSrc,
    };
  }

  #evidenceOptions() {
    const config = this.#resolved;
    return {
      trustedform: config.trustedform,
      trustedformSrc: config.trustedformSrc,
      timeoutMs: config.trustedformTimeout,
      jornaya: config.jornaya,
      jornayaSrc: config.jornayaSrc,
    };
  }

  #createFlow(config: LeadCaptureConfig): SubmissionFlow | undefined {
    const adapter = this.#adapterFor(config);
    if (!adapter) return undefined;
    const persist = this.persist !== 'none';
    if (this.#outbox?.persist !== persist) this.#outbox = { persist, store: lazyOutbox(openOutbox(persist)) };
    const flow = new SubmissionFlow({
      adapter,
      fetch: (input, init) => fetch(input, init),
      now: () => new Date(),
      outbox: this.#outbox.store,
      target: typeof config.adapter === 'object' ? `custom:${adapter.name}` : `${config.adapter}|${config.endpoint}|${config.destination}`,
      retry: this.retryPolicy,
      requestTimeoutMs: this.requestTimeout > 0 ? this.requestTimeout : 15_000,
      exclusive,
      autoSubmit: config.consentTiming === 'create',
    });
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

  /** Whether the consent step (deferred consent) is what the person is looking at. */
  get #onConsentStep(): boolean {
    const phase = this.flowState.phase;
    const consentStep = phase === 'awaiting-submit' || (phase === 'failed' && this.flowState.stage === 'submit');
    return this.#resolved.consentTiming === 'submit' && consentStep;
  }

  /** The fields on screen: the form's, or on the consent step the mobile number to confirm. */
  get #shownFields(): readonly FieldKey[] {
    return this.#onConsentStep ? ['mobile'] : this.#resolved.fields;
  }

  /** Whether consent is asked on the screen the person is on. */
  get #consentShown(): boolean {
    const asked = this.#consent.asked(this.#resolved.consent);
    return asked && (this.#resolved.consentTiming === 'create' || this.#onConsentStep);
  }

  #messageFor(key: string, code: FieldErrorCode): string {
    if (key === CONSENT) return this.#resolved.sellers.length > 1 ? this.#strings.consentRequiredSellers : this.#strings.consentRequired;
    const label = isFieldKey(key) ? this.#messages.labels[key] : key;
    const maxLength = isFieldKey(key) ? FIELD_CATALOGUE[key].maxLength : 0;
    // A select is chosen, not typed: "Choose a state.", not "Enter your state."
    const chosen = code === 'required' && isFieldKey(key) && FIELD_CATALOGUE[key].control === 'select' && isFieldErrorCode(key);
    return this.#messages.errors[chosen ? (key as FieldErrorCode) : code]({ label, maxLength, minAge: this.#resolved.minAge });
  }

  #validateOne(key: FieldKey): void {
    const required = this.#onConsentStep || this.#resolved.required.includes(key);
    const raw = this.values[key] ?? '';
    const result = raw.trim() === '' && required ? { ok: false as const, error: 'required' as const } : this.#validator?.field(key, raw);
    const errors = { ...this.errors };
    if (!result || result.ok) delete errors[key];
    else errors[key] = result.error;
    this.errors = errors;
    if (key === 'email') this.emailSuggestion = result?.ok && result.value ? suggestEmail(result.value) : undefined;
  }

  /** Puts the suggested address in the email field, as if the person had typed it. */
  private handleUseSuggestion(): void {
    if (!this.emailSuggestion) return;
    this.values = { ...this.values, email: this.emailSuggestion };
    this.emailSuggestion = undefined;
    this.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
  }

  private handleInput(event: Event): void {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      this.#consent.handleChange(event);
      if (this.errors[CONSENT] !== undefined && this.#consent.given()) {
        const { [CONSENT]: _fixed, ...rest } = this.errors;
        this.errors = rest;
      }
      return;
    }
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
    if (key === 'email') this.emailSuggestion = undefined;
    // Once an error is showing, re-check as the person types so it clears the moment it is fixed.
    if (this.errors[key] !== undefined) this.#validateOne(key);
  }

  private handleFocusOut(event: FocusEvent): void {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !('name' in target)) return;
    const key = String(target.name);
    if (!isFieldKey(key)) return;
    if ((this.values[key] ?? '').trim() !== '' || this.#submitted) this.#validateOne(key);
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    await this.submit();
  }

  /** Shows the errors, says how many, puts the person on the first one, then tells the page. */
  async #refuse(errors: Partial<Record<string, FieldErrorCode>>): Promise<void> {
    this.errors = errors;
    const messages = Object.fromEntries(Object.entries(errors).map(([key, code]) => [key, this.#messageFor(key, code ?? 'characters')]));
    this.statusMessage = this.#strings.errorSummary(Object.keys(messages).length);
    await this.updateComplete;
    this.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
    this.dispatchEvent(new LeadInvalidEvent({ errors, messages }));
  }

  /** The consent problem, if the person must agree and has not. */
  #consentError(): Partial<Record<string, FieldErrorCode>> {
    const mustAgree = this.#consentShown && !this.#resolved.consentOptional;
    return mustAgree && !this.#consent.given() ? { [CONSENT]: 'required' } : {};
  }

  /** Validates and sends, exactly as pressing Submit does. Resolves when the attempt has an answer. */
  async submit(): Promise<void> {
    // Properties a page set just before calling submit() take effect first.
    await this.updateComplete;
    const phase = this.flowState.phase;
    if (phase === 'sending' || phase === 'done' || this.preparing) return;
    this.#submitted = true;
    if (this.#onConsentStep) return this.#submitConsentStep();
    const validation = this.#validator?.lead(this.#presentValues());
    if (!validation) return;
    const errors = { ...(validation.ok ? {} : validation.errors), ...this.#consentError() };
    if (!validation.ok || Object.keys(errors).length > 0) return this.#refuse(errors);
    this.errors = {};
    this.alertMessage = '';
    this.statusMessage = '';
    const flow = this.#flow;
    if (!flow) {
      this.alertMessage = this.#strings.notConfigured;
      return;
    }
    this.preparing = true;
    this.statusMessage = this.#strings.sending;
    try {
      const bare: LeadEnvelope = { ...(this.#resolved.destination === '' ? {} : { destination: this.#resolved.destination }), lead: validation.lead };
      // The same lead sent again (Try again, a second press) goes exactly as it went first: same key, same body.
      const again = flow.pendingEnvelope(bare);
      const idempotencyKey = flow.keyFor(bare);
      // Saved before the evidence wait, so a reload during it does not lose the lead.
      if (!again) await flow.stage(bare, idempotencyKey);
      const envelope = again ?? (await this.#envelope(validation.lead));
      this.#sent = envelope;
      this.#lastConsent = envelope.consent;
      if (!this.dispatchEvent(new LeadSubmitEvent({ envelope, idempotencyKey, evidence: this.#evidence }))) {
        // Ready again at once (a page may submit again straight away); the outbox tidies up behind.
        this.preparing = false;
        this.statusMessage = '';
        if (!again) void flow.unstage(idempotencyKey);
        return;
      }
      this.preparing = false;
      const report = await flow.create(envelope, idempotencyKey, this.#holdMs());
      if (report) await this.#report(report);
    } finally {
      this.preparing = false;
    }
  }

  /** The lead with its evidence: the consent record (when consent is on this screen), certificate, token, tracking and bot signals. */
  async #envelope(lead: Readonly<Record<string, string>>): Promise<LeadEnvelope> {
    const config = this.#resolved;
    const evidence = await this.#collectEvidence();
    const consent = this.#consentShown ? await this.#consentRecord() : undefined;
    if (this.tracking === 'off') this.trackingValues = {};
    const tracking = this.trackingValues;
    const challengeToken = await this.#challengeToken();
    return {
      ...(config.destination === '' ? {} : { destination: config.destination }),
      lead,
      ...(consent ? { consent } : {}),
      ...(evidence?.trustedform ? { trustedform: evidence.trustedform } : {}),
      ...(evidence?.jornaya ? { jornaya: evidence.jornaya } : {}),
      ...(Object.keys(tracking).length > 0 ? { tracking } : {}),
      bot: {
        honeypot: this.querySelector<HTMLInputElement>('input[name="lc_website"]')?.value ?? '',
        // Sent no sooner than the minimum fill time (the flow holds it back): report when it goes.
        elapsedMs: Math.round(performance.now() - this.#shownAt + this.#holdMs()),
        ...(challengeToken ? { challengeToken } : {}),
      },
    };
  }

  /** How much longer a lead must wait to be sent no sooner than the minimum fill time. */
  #holdMs(): number {
    return Math.max(0, this.minFillMs - (performance.now() - this.#shownAt));
  }

  /** Waits (bounded) for the recorders' certificate and token, and remembers what came for the events. */
  async #collectEvidence() {
    const form = this.querySelector('form');
    const evidence = form ? await collectEvidence(form, this.#evidenceOptions()) : undefined;
    this.#evidence = evidence?.report ?? this.#evidence;
    return evidence;
  }

  /** The page's challenge token, from its function or its field; never fatal. */
  async #challengeToken(): Promise<string | undefined> {
    try {
      if (this.challenge) return (await this.challenge()) || undefined;
    } catch {
      return undefined;
    }
    if (this.challengeField === '') return undefined;
    const field = this.ownerDocument.querySelector<HTMLInputElement | HTMLTextAreaElement>(`[name="${CSS.escape(this.challengeField)}"]`);
    return field?.value || undefined;
  }

  #consentRecord() {
    return this.#consent.record({
      sellers: this.#resolved.sellers,
      version: this.#resolved.consentVersion,
      pageUrl: location.href,
      now: new Date(),
    });
  }

  /** The deferred consent step: confirm the mobile, agree, and send the second step with the certificate. */
  async #submitConsentStep(): Promise<void> {
    const mobile = this.#validator?.field('mobile', this.values['mobile'] ?? '');
    const errors: Partial<Record<string, FieldErrorCode>> = { ...this.#consentError() };
    if (!mobile?.ok) errors['mobile'] = mobile?.error ?? 'required';
    else if (mobile.value === undefined) errors['mobile'] = 'required';
    if (Object.keys(errors).length > 0) return this.#refuse(errors);
    this.errors = {};
    this.alertMessage = '';
    this.preparing = true;
    this.statusMessage = this.#strings.sending;
    try {
      const evidence = await this.#collectEvidence();
      this.#lastConsent = this.#consent.asked(this.#resolved.consent) ? await this.#consentRecord() : undefined;
      this.preparing = false;
      const input: SubmitStepInput = {
        ...(mobile?.ok && mobile.value ? { mobile: mobile.value } : {}),
        ...(evidence?.trustedform ? { trustedform: evidence.trustedform } : {}),
      };
      const report = await this.#flow?.submit(input);
      if (report) await this.#report(report);
    } finally {
      this.preparing = false;
    }
  }

  /** Clears the form and forgets the lead, ready for another person. */
  reset(): void {
    this.#flow?.reset();
    this.#consent.clear();
    this.values = {};
    this.errors = {};
    this.emailSuggestion = undefined;
    this.statusMessage = '';
    this.alertMessage = '';
    this.#submitted = false;
    this.#sent = undefined;
    this.#lastConsent = undefined;
    this.flowState = { phase: 'idle' };
  }

  /** Only the fields the form shows: values typed before `fields` changed are not sent. */
  #presentValues(): Record<string, string> {
    return Object.fromEntries(this.#resolved.fields.map((key) => [key, this.values[key] ?? '']));
  }

  async #report(report: StepReport): Promise<void> {
    const { idempotencyKey } = report;
    const evidence = this.#evidence;
    if (report.stage === 'create') {
      this.dispatchEvent(new LeadCreatedEvent({ ...report.result, idempotencyKey, evidence }));
      if (this.flowState.phase === 'awaiting-submit') {
        this.statusMessage = '';
        if (this.#resolved.consentTiming === 'create') {
          // Consent (and its certificate) came with the form: send the second step at once.
          const mobile = this.#sent?.lead['mobile'];
          const trustedform = this.#sent?.trustedform;
          const next = await this.#flow?.submit({ ...(mobile ? { mobile } : {}), ...(trustedform ? { trustedform } : {}) });
          if (next) await this.#report(next);
        } else {
          await this.updateComplete;
          this.querySelector<HTMLElement>('.lc-step-title')?.focus();
        }
        return;
      }
    }
    const outcome = report.stage === 'create' ? report.result.outcome : report.outcome;
    if (this.flowState.phase === 'done') {
      this.statusMessage = '';
      this.dispatchEvent(new LeadSubmittedEvent({ outcome, idempotencyKey, evidence, ...(this.#lastConsent ? { consent: this.#lastConsent } : {}) }));
    } else if (this.flowState.phase === 'failed') {
      this.#showFailure(report.stage, outcome);
    }
  }

  #showFailure(stage: 'create' | 'submit', outcome: Outcome): void {
    const fieldErrors = Object.entries(outcome.fieldErrors ?? {}).filter(
      (entry): entry is [FieldKey, string] => isFieldKey(entry[0]) && this.#shownFields.includes(entry[0]),
    );
    if (fieldErrors.length > 0) {
      this.errors = Object.fromEntries(fieldErrors.map(([key, code]) => [key, isFieldErrorCode(code) ? code : 'characters']));
    }
    const strings = this.#strings;
    // Refused for fields this form does not ask: nothing the person can fix, so say so to the page.
    const unasked = Object.keys(outcome.fieldErrors ?? {}).filter((key) => !fieldErrors.some(([shown]) => shown === key));
    if (unasked.length > 0) console.warn(`<lead-capture>: the destination requires fields this form does not ask for: ${unasked.join(', ')}`);
    const message =
      outcome.code === 'trustedform_required' ? strings.trustedformRequired
      : outcome.code === 'trustedform_failed' ? strings.trustedformFailed
      : outcome.status === 'invalid' && fieldErrors.length > 0 ? strings.invalidAtDestination
      : outcome.status === 'invalid' ? strings.failedFinal
      : outcome.retryable ? strings.failedRetryable
      : strings.failedFinal;
    this.statusMessage = '';
    this.alertMessage = message;
    this.dispatchEvent(new LeadErrorEvent({ stage, retryable: outcome.retryable, message, outcome }));
  }

  protected override render() {
    const phase = this.flowState.phase;
    const strings = this.#strings;
    const config = this.#resolved;
    const busy = phase === 'sending' || this.preparing;
    const done = phase === 'done';
    const consentStep = this.#onConsentStep;
    const retryable = phase === 'failed' && (this.flowState.outcome.retryable || this.flowState.outcome.code === 'trustedform_required');
    const label = busy ? strings.sending : retryable ? strings.retry : consentStep ? strings.agree : (config.submitLabel ?? strings.submit);
    const required = consentStep ? ['mobile'] : config.required;
    return html`<form
      class="lc-form"
      novalidate
      aria-busy=${busy ? 'true' : 'false'}
      @submit=${this.handleSubmit}
      @input=${this.handleInput}
      @change=${this.handleInput}
      @focusout=${this.handleFocusOut}
    >
      ${consentStep
        ? html`<div class="lc-step">
            <h2 class="lc-step-title" tabindex="-1">${strings.consentStepTitle}</h2>
            <p class="lc-step-intro">${strings.consentStepIntro}</p>
          </div>`
        : nothing}
      <div class="lc-fields" ?hidden=${done}>
        ${this.#shownFields.map((key) => {
          const code = this.errors[key];
          return fieldTemplate({
            key,
            id: `${this.#uid}-${key}`,
            label: this.#messages.labels[key],
            required: required.includes(key),
            requiredMark: strings.requiredMark,
            chooseLabel: strings.choose,
            value: this.values[key] ?? '',
            error: code === undefined ? '' : this.#messageFor(key, code),
            ...(key === 'email' && this.emailSuggestion ? { hint: this.#suggestionTemplate(this.emailSuggestion) } : {}),
          });
        })}
      </div>
      ${this.#consentShown && !done
        ? this.#consent.render({
            id: `${this.#uid}-consent`,
            text: config.consent,
            sellers: config.sellers,
            required: !config.consentOptional,
            error: this.errors[CONSENT] === undefined ? '' : this.#messageFor(CONSENT, 'required'),
            and: config.locale === 'es' ? 'y' : 'and',
          })
        : nothing}
      ${config.jornaya !== '' && this.#holdsJornayaToken()
        ? html`<input type="hidden" id=${JORNAYA_TOKEN_ID} name="universal_leadid" />`
        : nothing}
      ${Object.entries(this.trackingValues).map(([name, value]) => html`<input type="hidden" name=${name} .value=${value} />`)}
      <div class="lc-honeypot" aria-hidden="true">
        <label>Leave this field empty <input type="text" name="lc_website" tabindex="-1" autocomplete="off" /></label>
      </div>
      ${done ? this.#successTemplate(this.flowState.phase === 'done' ? this.flowState.outcome : undefined) : nothing}
      <p class="lc-status" role="status">${this.#statusText()}</p>
      <p class="lc-alert" role="alert">${this.alertMessage}</p>
      <div class="lc-actions" ?hidden=${done}>
        <!-- After a retryable failure the one button becomes "Try again": it sends the same lead with the same key. -->
        <button
          class="lc-button lc-submit ${retryable ? 'lc-retry' : ''}"
          type="submit"
          data-tf-element-role="submit"
          aria-disabled=${busy ? 'true' : 'false'}
        >
          ${label}
        </button>
      </div>
    </form>`;
  }

  /** The flow's phase now (a method, so a check after an await is not narrowed by one before it). */
  #phase(): FlowState['phase'] {
    return this.flowState.phase;
  }

  /** What the status line says: a retry in progress, or the last summary. */
  #statusText(): string {
    const state = this.flowState;
    if (state.phase === 'sending' && state.attempt > 1) return this.#strings.retrying(state.attempt, this.retryPolicy.maxAttempts);
    if (state.phase === 'done') return this.statusMessage === this.#strings.resumed ? this.statusMessage : '';
    return this.statusMessage;
  }

  #suggestionTemplate(suggestion: string) {
    return html`${this.#strings.didYouMean(suggestion)}<button class="lc-link-button" type="button" @click=${this.handleUseSuggestion}>
        ${this.#strings.useSuggestion}
      </button>`;
  }

  /** Jornaya's token input has a fixed id: the first widget on the page carries it, no other. */
  #holdsJornayaToken(): boolean {
    const existing = this.ownerDocument.getElementById(JORNAYA_TOKEN_ID);
    return existing === null || this.contains(existing);
  }

  #successTemplate(outcome: Outcome | undefined) {
    const body = outcome?.status === 'duplicate' ? this.#strings.duplicateBody : this.#strings.successBody;
    return html`<div class="lc-success" role="status">
      <strong class="lc-success-title">${this.#strings.successTitle}</strong>
      <p>${body}</p>
    </div>`;
  }
}
