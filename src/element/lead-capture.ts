import { html, nothing, type PropertyValues } from 'lit';
import type { Locale } from '../fields/messages/locales.js';
import { chunks, type DeliveryChunk } from './chunks.js';
import { ATTRIBUTE_ONLY, CONFIG_PROPERTIES, localeOf, propertyValue, resolveConfig, type LeadCaptureConfig, type LeadCaptureConfigInput } from './config.js';
import { ConsentController } from './consent-controller.js';
import type { DeliveryController } from './delivery-controller.js';
import { DeliverySlot } from './delivery-slot.js';
import { hiddenFieldsTemplate, progressTemplate } from './delivery-view.js';
import { configErrorEvent } from './events.js';
import { CONSENT, FieldsController } from './fields-controller.js';
import { LeadCaptureProperties } from './lead-capture-properties.js';
import { loadWords, stringsFor, wordsFor } from './locales.js';
import { asksQuestions, loadQuestionsPart, questionsPart } from './questions-part.js';
import { asksDateOfBirth, dateOfBirthPart, loadDateOfBirthPart } from './date-of-birth-part.js';
import { consentPart, loadConsentPart } from './consent-part.js';
import { afterPaint, hasPrerendered, markupPainted, nextFrame, restoreFocus, takePrerendered, watchComposition, type CompositionWatch } from './prerendered.js';
import { StepsController } from './steps-controller.js';
import { UNAVAILABLE } from './strings/unavailable.js';
import { adoptStyles } from './styles.js';
import { withRetries } from './chunk-retry.js';
import { loadOnce } from './load-once.js';
import { loadErrorEvent, UnavailableNotice } from './unavailable-notice.js';

/** The element's properties that decide where and how a lead is sent: a change builds a new flow. */
const DELIVERY_PROPERTIES: readonly string[] = ['endpoint', 'adapter', 'destination', 'persist', 'requestTimeout', 'retryPolicy', 'consentTiming'];

let instances = 0;

/** A frame painted, or 100 ms, whichever comes first (a page in a background tab paints no frame). */
function paintedOrLate(): Promise<void> {
  return Promise.race([afterPaint(), new Promise<void>((resolve) => setTimeout(resolve, 100))]);
}

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
  /** Work still finishing an update (a chunk on its way): `updateComplete` waits for it. */
  readonly #pending = new Set<Promise<unknown>>();
  /** Changes held back while the form's language was loading, applied with the first update after. */
  readonly #held = new Map<PropertyKey, unknown>();
  /** When the form first appeared, for the minimum fill time. */
  #shownAt: number | undefined;
  #validationLoad: Promise<void> | undefined;
  /** An IME composition in the prerendered form, watched until the takeover. */
  #composition: CompositionWatch | undefined;
  /** Whether the takeover has waited for the page's first paint: once is enough (a page may never report one). */
  #waitedForPaint = false;
  #deliveryLoad: Promise<void> | undefined;
  #rendered!: () => void;
  /**
   * The form's first render: a form waiting for a chunk of its own (its words, questions, date of
   * birth or consent disclosure) has completed updates without one, and a prerendered form's markup
   * has no form for TrustedForm to record.
   */
  readonly #firstRender = new Promise<void>((resolve) => (this.#rendered = resolve));
  /** The consent check's chunk, loaded once (a failed load tried again when next asked). */
  readonly #loadConsentVisibility = loadOnce(() => chunks.consentVisibility());
  /** The chunks of the form's own (words, questions, date of birth, consent disclosure) on their way, tried again until they come or the tries run out. */
  #renderPartsLoad: Promise<void> | undefined;
  /** Whether the alert region says what Submit needs could not be loaded (cleared by the next Submit that gets it). */
  #toldCannotSend = false;
  /** Said above the form when those chunks could not be loaded. */
  readonly #unavailable = new UnavailableNotice(this);
  /** Back online: chunks of the form's own that could not be loaded are tried again. */
  readonly #retryOnline = (): void => {
    if (this.#held.size > 0) this.requestUpdate();
  };
  // One controller per concern (lit's ReactiveController); they reach each other lazily, through getters.
  // Delivery, tracking and conversions come with the delivery chunk, right after the first render.
  readonly #consent = new ConsentController(this);
  readonly #fields: FieldsController = new FieldsController(this, {
    config: () => this.#resolved,
    screen: () => this.#steps.screen,
    consent: this.#consent,
    track: (work) => this.#track(work),
  });
  #deliveryController: DeliveryController | undefined;
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
    window.addEventListener('online', this.#retryOnline);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('online', this.#retryOnline);
  }

  /**
   * A form in a language other than English waits for its words (`lead-capture.es.js`), a form with
   * questions or steps for the code that asks them (`lead-capture.questions.js`), a form with a date
   * of birth for its boxes (`lead-capture.date-of-birth.js`), and a form that asks for consent for its
   * disclosure (`lead-capture.consent.js`), before it first renders, rather than flash English or a
   * form without its questions, date or consent (a prerendered form stays on screen, usable,
   * meanwhile); what changed meanwhile is kept for that update. Any of these given later (the
   * `questions`, `fields` or `consent` property) loads its chunk then, the form shown as it was until
   * it arrives (and a Submit meanwhile waits for it). A chunk that fails is tried again
   * (`#loadRenderParts`).
   */
  protected override shouldUpdate(changed: PropertyValues<this>): boolean {
    const waiting = this.#renderParts();
    if (waiting.length === 0) {
      this.#unavailable.hide();
      return true;
    }
    for (const [key, value] of changed) if (!this.#held.has(key)) this.#held.set(key, value);
    this.#renderPartsLoad ??= this.#loadRenderParts();
    return false;
  }

  /** The chunks of the form's own it still needs, each load started (or the one on its way). */
  #renderParts(): Promise<unknown>[] {
    const locale = localeOf(this.locale);
    return [
      locale && locale !== 'en' && !wordsFor(locale) && loadWords(locale),
      !questionsPart() && asksQuestions(this) && loadQuestionsPart(),
      !dateOfBirthPart() && asksDateOfBirth(this.fields) && loadDateOfBirthPart(),
      !consentPart() && this.#consent.asked(this.consent.trim()) && loadConsentPart(),
    ].filter((load) => load instanceof Promise);
  }

  /**
   * Loads the chunks of the form's own, tried again with backoff when one fails (a failed load is
   * forgotten), then renders. When the tries run out the person is told above the form (or the
   * prerendered markup), in the form's language, and the page by a `lead-error` (stage `load`); they
   * are tried again when the browser comes back online, and on the next change or Submit. Until then
   * the form stays as it was, and a Submit is refused rather than send it as it was (`submit()`).
   */
  #loadRenderParts(): Promise<void> {
    const load = withRetries(() => Promise.all(this.#renderParts()))
      .then(
        () => this.requestUpdate(),
        (error: unknown) => {
          // The error logged beside it names the file.
          console.error('<lead-capture>: could not load a part of the form', error);
          this.#unavailable.show(this.#locale());
        },
      )
      .finally(() => (this.#renderPartsLoad = undefined));
    this.#track(load);
    return load;
  }

  /** The form's language as the page asked for it, whether or not its words have come. */
  #locale(): Locale {
    return localeOf(this.locale) ?? 'en';
  }

  protected override willUpdate(current: PropertyValues<this>): void {
    const changed = new Map([...this.#held, ...current]) as PropertyValues<this>;
    this.#held.clear();
    const configChanged = [...changed.keys()].some((key) => CONFIG_PROPERTIES.has(key as string));
    if (!configChanged && this.hasUpdated) return;
    const { config, warnings, errors } = resolveConfig(this, questionsPart());
    for (const warning of warnings) console.warn(`<lead-capture>: ${warning}`);
    // A question that cannot work is skipped, said in the console and to the page; the rest of the form works.
    if (!this.hasUpdated || changed.has('questions')) for (const error of errors) this.dispatchEvent(configErrorEvent(error));
    this.#resolved = config;
    this.#deliveryController?.configure(config, DELIVERY_PROPERTIES.some((key) => changed.has(key as keyof LeadCapture)));
    // Consent asked since the parts were loaded: its check is loaded too, ahead of the Submit.
    if (this.#deliveryLoad && this.#consent.asked(config.consent)) void this.#loadConsentVisibility().catch(() => undefined);
  }

  /**
   * A page that carries a prerendered form shows it before the widget's own render and layout: the
   * first update takes it over at once when a frame has been painted since the page was parsed (the
   * loader waited for one before importing the widget), else waits for such a frame rather than hold
   * it back (a deferred classic script runs after the parse, maybe past the first paint but not
   * past the markup's: the page's content above it may be what was painted). The
   * rules and delivery start loading first, so they arrive right after the takeover. Never in the
   * middle of an IME composition in the markup (watched from `connectedCallback`), including one begun
   * while the takeover waited for the paint: each wait ends by asking again from the top.
   */
  protected override scheduleUpdate(): void | Promise<unknown> {
    if (this.hasUpdated || !hasPrerendered(this)) return super.scheduleUpdate();
    // A person composing with an IME: the takeover waits, a frame at a time, until the text is committed.
    if (this.#composition?.active()) return nextFrame().then(() => this.scheduleUpdate());
    const loadParts = () => void this.#loadParts().catch(() => undefined);
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
    const prerendered = this.hasUpdated ? undefined : takePrerendered(this);
    this.#composition?.stop();
    this.#composition = undefined;
    for (const control of prerendered?.controls ?? []) this.#fields.take(control, control.name !== prerendered?.focus?.name);
    super.update(changed);
    if (prerendered) restoreFocus(this, prerendered);
  }

  /**
   * The form is on screen: the rules load once it is painted, then delivery (`#loadParts`), not on the
   * first keystroke. After the paint, so their code never runs before the form is seen (a preloaded
   * chunk would otherwise arrive in time to delay it); anything that needs them sooner (`submit()`,
   * `updateComplete`) starts them at once. Over a prerendered form they are already on their way.
   */
  protected override firstUpdated(): void {
    this.#shownAt = performance.now();
    this.#rendered();
    requestAnimationFrame(() => setTimeout(() => void this.#loadParts().catch(() => undefined)));
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('trustedform') || changed.has('jornaya')) this.#deliveryController?.startRecorders();
  }

  /** Resolves once the element has rendered and every chunk it was waiting for has arrived and rendered too. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let complete = await super.getUpdateComplete();
    if (this.hasUpdated && (!this.#validationLoad || !this.#deliveryLoad)) void this.#loadParts().catch(() => undefined);
    while (this.#pending.size > 0) {
      await Promise.allSettled([...this.#pending]);
      complete = await super.getUpdateComplete();
    }
    return complete;
  }

  #track(work: Promise<unknown>): void {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work)).catch(() => undefined);
  }

  /**
   * The validation chunk, then the delivery chunk: the rules first, so a field left is checked with
   * nothing else to evaluate before it shows; delivery once they have arrived and the form has been
   * rendered and painted with them (a frame later at most, whether or not the rules came). The consent
   * check loads beside the rules for a form that asks for consent. One that failed to load is tried
   * again when next asked.
   */
  #loadParts(): Promise<void> {
    const validation = (this.#validationLoad ??= chunks.validation().then(
      (rules) => this.#fields.arrive(rules),
      (error: unknown) => {
        this.#validationLoad = undefined;
        throw error;
      },
    ));
    // The base class's updateComplete: the element's own waits for this very load.
    this.#deliveryLoad ??= validation
      .catch(() => undefined)
      .then(() => this.#firstRender)
      .then(() => super.getUpdateComplete())
      .then(paintedOrLate)
      .then(() => chunks.delivery())
      .then(
        (delivery) => this.#deliveryArrived(delivery),
        (error: unknown) => {
          this.#deliveryLoad = undefined;
          throw error;
        },
      );
    // Loaded ahead, so a Submit with consent given does not wait for it; delivery asks for it (and waits) before sending.
    if (this.#consent.asked(this.#resolved.consent)) void this.#loadConsentVisibility().catch(() => undefined);
    const both = Promise.all([this.#validationLoad, this.#deliveryLoad]).then(() => undefined);
    this.#track(both);
    return both;
  }


  /** Delivery is here: tracking captures the visit, conversions listen, and leads an earlier visit left go. */
  #deliveryArrived({ DeliveryController, TrackingController, ConversionsController }: DeliveryChunk): void {
    if (this.#deliveryController) return;
    const tracking = new TrackingController(this);
    new ConversionsController(this);
    const delivery = new DeliveryController(this, {
      config: () => this.#resolved,
      steps: () => this.#steps,
      fields: this.#fields,
      consent: this.#consent,
      tracking,
      consentVisibility: () => this.#loadConsentVisibility(),
    });
    delivery.configure(this.#resolved, true);
    this.#deliveryController = delivery;
    this.#delivery.attach(delivery);
    delivery.start(this.#shownAt ?? performance.now());
    delivery.startRecorders();
    this.requestUpdate();
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
  async submit(): Promise<void> {
    try {
      // Properties a page set just before calling submit() take effect first; a Submit pressed before
      // the rules or delivery arrived waits for them (they are already on their way).
      await this.updateComplete;
      if (this.#held.size > 0) {
        // Changes still wait for a chunk of the form's own that could not be loaded: tried once more,
        // and never sent as the form was before them.
        this.requestUpdate();
        await this.updateComplete;
        if (this.#held.size > 0) throw new Error('the form is waiting for a chunk of its own that could not be loaded');
      }
      if (!this.#deliveryController || !this.#fields.validating) {
        await this.#loadParts();
        await this.updateComplete;
      }
      if (this.#toldCannotSend) this.#delivery.alert = '';
      this.#toldCannotSend = false;
      return await this.#steps.submit();
    } catch (error) {
      this.#cannotSend();
      throw error;
    }
  }

  /** What Submit needs could not be loaded: the person is told (the notice above a form held for its own chunks says it already), and the page. */
  #cannotSend(): void {
    if (this.#held.size > 0) return;
    const message = UNAVAILABLE[this.#locale()].send;
    this.#toldCannotSend = true;
    this.#delivery.alert = message;
    this.requestUpdate();
    this.dispatchEvent(loadErrorEvent(message));
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
        <!-- After a retryable failure the one button becomes "Try again": it sends the same lead with the same key. -->
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
