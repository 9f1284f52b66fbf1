import { html, nothing, type PropertyValues } from 'lit';
import { ATTRIBUTE_ONLY, CONFIG_PROPERTIES, propertyValue, resolveConfig, type LeadCaptureConfig, type LeadCaptureConfigInput } from './config.js';
import { ConsentController } from './consent-controller.js';
import { DeliverySlot } from './delivery-slot.js';
import { hiddenFieldsTemplate, progressTemplate } from './delivery-view.js';
import { configErrorEvent } from './events.js';
import { CONSENT, FieldsController } from './fields-controller.js';
import { LeadCaptureProperties } from './lead-capture-properties.js';
import { stringsFor } from './locales.js';
import { questionsPart } from './questions-part.js';
import { afterPaint, hasPrerendered, markupPainted, nextFrame, watchComposition, type CompositionWatch } from './prerendered.js';
import { prerenderedPart } from './prerendered-part.js';
import { RenderPartsController } from './render-parts-controller.js';
import { SendPartsController } from './send-parts-controller.js';
import { StepsController } from './steps-controller.js';
import { adoptStyles } from './styles.js';

/** The element's properties that decide where and how a lead is sent: a change builds a new flow. */
const DELIVERY_PROPERTIES: readonly string[] = ['endpoint', 'adapter', 'destination', 'persist', 'requestTimeout', 'retryPolicy', 'consentTiming'];

let instances = 0;

/**
 * A consent-aware lead form that validates every field and delivers the lead through an adapter.
 *
 * @summary Embeddable lead form: `<lead-capture endpoint="…" fields="…">`.
 *
 * @slot consent - A `<template slot="consent">` with the disclosure; links and emphasis are kept, scripts never.
 *
 * @event {LeadInvalidEvent} lead-invalid - Submit found bad fields. `detail: { errors: {field: code}, messages: {field: text} }`
 * @event {LeadSubmitEvent} lead-submit - Valid values are about to be sent; cancel it to stop them. `detail: { envelope, idempotencyKey, evidence }`
 * @event {LeadCreatedEvent} lead-created - The first step answered. `detail: { outcome, next, reference, idempotencyKey, evidence }`
 * @event {LeadSubmittedEvent} lead-submitted - The lead reached its final, delivered outcome; cancel it to stay instead of going to `success-url`. `detail: { outcome, idempotencyKey, evidence, consent }`
 * @event {LeadStepEvent} lead-step - A multi-step form moved to another step (Next or Back); nothing was sent. `detail: { step, total }`
 * @event {LeadErrorEvent} lead-error - A step failed; cancel it to stay instead of going to `rejected-url`. `detail: { stage, retryable, message, outcome }`
 *
 * @cssproperty --lead-capture-font - Font family (the system UI font).
 * @cssproperty --lead-capture-font-size - Base font size, independent of the page's (never under 16px; larger when the visitor set a larger default).
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
 * @cssproperty --lead-capture-max-width - The widget's maximum width.
 * @cssproperty --lead-capture-field-min-width - Narrowest a field column may get before fields wrap.
 * @cssproperty --lead-capture-consent-font-size - Size of the consent text.
 * @cssproperty --lead-capture-progress-color - The filled part of a multi-step form's progress bar.
 * @cssproperty --lead-capture-progress-track - The empty part of the progress bar.
 * @cssproperty --lead-capture-progress-height - The progress bar's thickness.
 */
export class LeadCapture extends LeadCaptureProperties {

  readonly #uid = `lc-${++instances}`;
  #resolved: LeadCaptureConfig = resolveConfig(this, questionsPart()).config;
  /** An IME composition in the prerendered form, watched until the takeover. */
  #composition: CompositionWatch | undefined;
  /** Whether the takeover has waited for the page's first paint: once is enough (a page may never report one). */
  #waitedForPaint = false;
  // One controller per concern (lit's ReactiveController); they reach each other lazily, through getters.
  // Delivery, tracking and conversions come with the delivery chunk, right after the first render.
  readonly #consent = new ConsentController(this);
  readonly #fields: FieldsController = new FieldsController(this, {
    config: () => this.#resolved,
    screen: () => this.#steps.screen,
    consent: this.#consent,
    track: (work) => this.#sending.track(work),
  });
  readonly #delivery = new DeliverySlot({
    renderHidden: () => hiddenFieldsTemplate(this, this.#resolved.jornaya !== '', []),
    renderProgress: (alert) => progressTemplate({ state: { phase: 'idle' }, preparing: false, status: '', alert }, stringsFor(this.#resolved), this.retryPolicy.maxAttempts, navigator.onLine),
  });
  readonly #steps: StepsController = new StepsController(this, {
    config: () => this.#resolved,
    fields: this.#fields,
    consent: this.#consent,
    delivery: this.#delivery,
    remember: () => this.persist !== 'none',
  });
  /** The chunks of the form's own, loaded before its first render (its words, questions, date of birth, consent disclosure, takeover). */
  readonly #formParts: RenderPartsController = new RenderPartsController(this, {
    fields: this.#fields,
    consent: this.#consent,
    rules: () => this.#sending.rules,
    track: (work) => this.#sending.track(work),
  });
  /**
   * The chunks sending needs, the rules and delivery after the first render; what Submit and
   * `updateComplete` wait for (`updated` is the base class's `updateComplete`, which waits for none).
   */
  readonly #sending = new SendPartsController(this, {
    config: () => this.#resolved,
    steps: () => this.#steps,
    fields: this.#fields,
    consent: this.#consent,
    slot: this.#delivery,
    updated: () => super.getUpdateComplete(),
    form: this.#formParts,
  });

  /** The whole configuration as one object: reading gives the resolved config; writing sets each property. */
  get config(): LeadCaptureConfig {
    return this.#resolved;
  }
  set config(value: LeadCaptureConfigInput) {
    for (const [key, entry] of Object.entries(value)) {
      if (!CONFIG_PROPERTIES.has(key) || ATTRIBUTE_ONLY.has(key) || entry === undefined) continue;
      (this as unknown as Record<string, unknown>)[key] = propertyValue(key, entry);
    }
  }

  // The form renders into the light DOM, where TrustedForm and Jornaya can see it (see styles.ts).
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    adoptStyles(this.getRootNode() as Document | ShadowRoot, this.styleNonce);
    if (!this.hasUpdated && hasPrerendered(this)) this.#composition ??= watchComposition(this.ownerDocument);
  }

  /**
   * A form waits for the chunks of its own (its words, questions, date of birth, consent disclosure)
   * before it renders; what changed meanwhile is kept for that update (render-parts-controller.ts).
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    return this.#formParts.ready(changed);
  }

  protected override willUpdate(current: PropertyValues<this>): void {
    const changed = this.#formParts.withHeld(current);
    const configChanged = [...changed.keys()].some((key) => CONFIG_PROPERTIES.has(key as string));
    if (!configChanged && this.hasUpdated) return;
    const { config, warnings, errors } = resolveConfig(this, questionsPart());
    for (const warning of warnings) console.warn(`<lead-capture>: ${warning}`);
    // A question that cannot work is skipped, said in the console and to the page; the rest of the form works.
    if (!this.hasUpdated || changed.has('questions')) for (const error of errors) this.dispatchEvent(configErrorEvent(error));
    this.#resolved = config;
    this.#sending.configure(config, DELIVERY_PROPERTIES.some((key) => changed.has(key as keyof LeadCapture)));
  }

  /**
   * A page that carries a prerendered form shows it before the widget's own render and layout: the
   * first update takes it over at once when a frame has been painted since the page was parsed (the
   * loader waited for one before importing the widget), else waits for such a frame rather than hold
   * it back (a deferred classic script runs after the parse, maybe past the first paint but not
   * past the markup's: the page's content above it may be what was painted). The
   * rules and delivery start loading first, and the takeover waits a moment for the rules (100 ms at
   * most, beside its own chunk: `RenderPartsController.ready`), so it renders with them; delivery
   * comes after it. Never in the
   * middle of an IME composition in the markup (watched from `connectedCallback`), including one begun
   * while the takeover waited for the paint: each wait ends by asking again from the top.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || !hasPrerendered(this)) return super.scheduleUpdate();
    // A person composing with an IME: the takeover waits, a frame at a time, until the text is committed.
    if (this.#composition?.active()) return nextFrame().then(() => this.scheduleUpdate());
    const loadParts = () => this.#sending.startParts();
    if (!this.#waitedForPaint && !markupPainted()) {
      this.#waitedForPaint = true;
      return afterPaint(loadParts).then(() => this.scheduleUpdate());
    }
    loadParts();
    return super.scheduleUpdate();
  }

  /**
   * The first update takes over a prerendered form the page carries (the builder's embed code): what
   * the person typed, ticked or chose there goes into the fields as if typed here, the markup is
   * replaced by the widget's own form, and focus and caret go back where they were. One synchronous
   * update, so no keystroke can fall between reading the markup and rendering the form.
   */
  protected override update(changed: PropertyValues<this>): void {
    // Its chunk is here: the first update waited for it (render-parts-controller.ts).
    const takeover = this.hasUpdated ? undefined : prerenderedPart();
    const prerendered = takeover?.takePrerendered(this);
    this.#composition?.stop();
    this.#composition = undefined;
    // A field the markup already called wrong is judged as one left, though the person is back in it:
    // the widget judges a field showing an error as it is typed in, so the verdict stays on screen.
    for (const control of prerendered?.controls ?? []) {
      this.#fields.take(control, control.name !== prerendered?.focus?.name || control.getAttribute('aria-invalid') === 'true');
    }
    this.#fields.rendering(() => super.update(changed));
    if (prerendered) takeover?.restoreFocus(this, prerendered);
  }

  /** The form is on screen: the rules and delivery load once it is painted. */
  protected override firstUpdated(): void {
    this.#sending.firstRendered();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('trustedform') || changed.has('jornaya')) this.#sending.startRecorders();
  }

  /** Resolves once the element has rendered and every chunk it was waiting for has arrived and rendered too. */
  protected override getUpdateComplete(): Promise<boolean> {
    return this.#sending.updateComplete();
  }

  private async handleSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    try {
      await this.submit();
    } catch (error) {
      // A chunk that could not be loaded (the network, or a file refused by its SRI pin): the next press tries again.
      console.error('<lead-capture>: the form could not load what it needs to send; try again', error);
    }
  }

  /** Validates and sends, exactly as pressing Submit does. Resolves when the attempt has an answer. */
  submit(): Promise<void> {
    return this.#sending.submitting(() => this.#steps.submit());
  }

  /** Clears the form and forgets the lead, ready for another person. */
  reset(): void {
    this.#delivery.reset();
    this.#consent.clear();
    this.#fields.reset();
    this.#steps.reset();
    this.values = {};
  }

  protected override render() {
    const config = this.#resolved;
    const strings = stringsFor(config);
    const delivery = this.#delivery;
    const screen = this.#steps.screen;
    const busy = delivery.busy;
    const done = delivery.done;
    const retryable = delivery.retryable;
    // No aria-busy on the form: it would silence the status region inside it while a lead is sent.
    // The form's own lang, so a Spanish form is read in Spanish on an English page (WCAG 3.1.2).
    // After a retryable failure the one button becomes "Try again": it sends the same lead with the same key.
    return html`<form
      class="lc-form"
      novalidate
      lang=${config.locale}
      @submit=${this.handleSubmit}
      @input=${this.#fields.handleInput}
      @change=${this.#fields.handleInput}
      @focusout=${this.#fields.handleFocusOut}
    >
      ${this.#steps.renderHeader(strings, this.#uid)}
      ${this.#fields.renderSummary(screen, this.#uid)}
      <div class="lc-fields" ?hidden=${done}>${this.#fields.render(screen, this.#uid)}</div>
      ${screen.consent && !done
        ? this.#consent.render({
            id: `${this.#uid}-consent`,
            text: config.consent,
            sellers: config.sellers,
            required: !config.consentOptional,
            error: this.#fields.errorFor(CONSENT),
            and: strings.sellersAnd,
          })
        : nothing}
      ${delivery.renderHidden()}
      ${delivery.renderProgress()}
      <div class="lc-actions" ?hidden=${done}>
        ${this.#steps.renderBack(strings)}
        <button
          class="lc-button lc-submit ${retryable ? 'lc-retry' : ''}"
          type="submit"
          data-tf-element-role="submit"
          aria-disabled=${busy ? 'true' : 'false'}
        >
          ${this.#steps.buttonLabel(strings)}
        </button>
      </div>
    </form>`;
  }
}
