import { chunks, type DeliveryChunk } from './chunks.js';
import type { LeadCaptureConfig } from './config.js';
import type { DeliveryController } from './delivery-controller.js';
import type { DeliveryOptions } from './delivery-options.js';
import type { DeliverySlot } from './delivery-slot.js';
import type { LeadCaptureProperties } from './lead-capture-properties.js';
import { loadOnce } from './load-once.js';
import { retryOn } from './retry-on.js';
import { afterPaint } from './prerendered.js';
import { startRecorders } from './recorders-part.js';
import { loadErrorEvent, unavailableMessage } from './unavailable-notice.js';

/** What the chunks sending needs ask of the element: its collaborators (delivery is wired to them when it arrives), and its base class's `updateComplete`. */
export interface SendPartsOptions extends Omit<DeliveryOptions, 'tracking' | 'consentVisibility'> {
  /** Where delivery plugs in, and where the person is told what Submit needs could not be loaded. */
  readonly slot: DeliverySlot;
  /** The update in progress done (the base class's `updateComplete`, which waits for none of the chunks). */
  readonly updated: () => Promise<boolean>;
  /**
   * The chunks of the form's own (render-parts-controller.ts): whether changes are held for one, and
   * `settled`, which a Submit waits on, rejecting when a change still waits for one that could not be loaded.
   */
  readonly form: { readonly holding: boolean; settled(): Promise<void> };
}

/** A frame painted, or 100 ms, whichever comes first (a page in a background tab paints no frame). */
function paintedOrLate(): Promise<void> {
  return Promise.race([afterPaint(), new Promise<void>((resolve) => setTimeout(resolve, 100))]);
}

/** An idle period this long means no frame is due: nothing being typed, left, rendered or animated (the browser grants 50 ms at most). */
const QUIET_MS = 40;
/** The longest delivery waits for such a moment. */
const QUIET_WAIT_MS = 1000;

/**
 * A quiet moment (an idle period with no frame due for `QUIET_MS`), or `QUIET_WAIT_MS`, whichever
 * comes first; where the browser has no `requestIdleCallback` (Safari), a frame painted or 100 ms.
 */
function quietOrLate(): Promise<void> {
  if (typeof requestIdleCallback !== 'function') return paintedOrLate();
  const until = performance.now() + QUIET_WAIT_MS;
  return new Promise((resolve) => {
    const ask = (): void =>
      void requestIdleCallback((deadline) => (deadline.didTimeout || deadline.timeRemaining() >= QUIET_MS ? resolve() : ask()), {
        timeout: Math.max(1, until - performance.now()),
      });
    ask();
  });
}

/**
 * The chunks sending needs, loaded once the form is painted: the rules, then delivery (on a quiet
 * page), the consent check and the consent recorders beside the rules. What Submit, `submit()` and `updateComplete` wait
 * for, and what the person and the page are told when one cannot be loaded.
 */
export class SendPartsController {
  /** Work still finishing an update (a chunk on its way): `updateComplete` waits for it. */
  readonly #pending = new Set<Promise<unknown>>();
  /** When the form first appeared, for the minimum fill time. */
  #shownAt: number | undefined;
  #validationLoad: Promise<void> | undefined;
  #askSubmit!: () => void;
  /** Submit was pressed (or `submit()` called): delivery stops waiting for a quiet moment. */
  readonly #submitAsked = new Promise<void>((resolve) => (this.#askSubmit = resolve));
  #deliveryLoad: Promise<void> | undefined;
  #delivery: DeliveryController | undefined;
  #rendered!: () => void;
  /**
   * The form's first render: a form waiting for a chunk of its own (its words, questions, date of
   * birth or consent disclosure) has completed updates without one, and a prerendered form's markup
   * has no form for TrustedForm to record.
   */
  readonly #firstRender = new Promise<void>((resolve) => (this.#rendered = resolve));
  /** The consent check's chunk, loaded once (a failed load tried again when next asked). */
  readonly #loadConsentVisibility = loadOnce(() => chunks.consentVisibility());
  /** Whether the alert region says what Submit needs could not be loaded (cleared by the next Submit that gets it). */
  #toldCannotSend = false;
  /** Whether the rules and delivery have been asked for (`#loadParts`): back online, one that could not be loaded is tried again. */
  #partsAsked = false;

  constructor(
    private readonly host: LeadCaptureProperties,
    private readonly options: SendPartsOptions,
  ) {
    // Back online: what Submit needs that could not be loaded is tried again (the recorders' too).
    retryOn(host, () => {
      if (this.#partsAsked) this.startParts();
    });
  }

  /** Delivery, once its chunk has arrived. */
  get delivery(): DeliveryController | undefined {
    return this.#delivery;
  }

  /** The rules' load, once on its way (a prerendered form's takeover waits a moment for it). */
  get rules(): Promise<void> | undefined {
    return this.#validationLoad;
  }

  /** A new configuration: delivery follows it (a new flow when `renewed`), and consent asked since the rules were loaded loads its check too, ahead of the Submit. */
  configure(config: LeadCaptureConfig, renewed: boolean): void {
    this.#delivery?.configure(config, renewed);
    if (this.#deliveryLoad && this.options.consent.asked(config.consent)) void this.#loadConsentVisibility().catch(() => undefined);
  }

  /**
   * The form is on screen: the rules load once it is painted, then delivery (`#loadParts`), not on the
   * first keystroke. After the paint, so their code never runs before the form is seen (a preloaded
   * chunk would otherwise arrive in time to delay it); anything that needs them sooner (`submitting`,
   * `updateComplete`) starts them at once. Over a prerendered form they are already on their way.
   */
  firstRendered(): void {
    this.#shownAt = performance.now();
    this.#rendered();
    requestAnimationFrame(() => setTimeout(() => this.startParts()));
  }

  /** Starts loading the rules and delivery (`#loadParts`), if not on their way or here already. */
  startParts(): void {
    void this.#loadParts().catch(() => undefined);
  }

  /** Resolves once the element has rendered and every chunk it was waiting for has arrived and rendered too. */
  async updateComplete(): Promise<boolean> {
    let complete = await this.options.updated();
    if (this.host.hasUpdated && (!this.#validationLoad || !this.#deliveryLoad)) this.startParts();
    while (this.#pending.size > 0) {
      await Promise.allSettled([...this.#pending]);
      complete = await this.options.updated();
    }
    return complete;
  }

  /** Work that finishes the update later (a chunk still to arrive): `updateComplete` waits for it. */
  track(work: Promise<unknown>): void {
    this.#pending.add(work);
    void work.finally(() => this.#pending.delete(work)).catch(() => undefined);
  }

  /**
   * The validation chunk, then the delivery chunk: the rules first, so a field left is checked with
   * nothing else to evaluate before it shows; delivery once they have arrived (or failed), the form
   * has been rendered with them, and the page is quiet (`quietOrLate`: a second at most), so its
   * evaluation and start (tracking, conversions, the outbox: tens of milliseconds on a slow phone)
   * never hold up the frames in which a person types into or leaves a field and sees the verdict;
   * at once when Submit asks for it. The consent check loads beside the rules for a form that asks
   * for consent, the recorders for a form with TrustedForm or Jornaya (`startRecorders`). One that failed to load is tried again when next asked, and when the browser comes
   * back online.
   */
  #loadParts(): Promise<void> {
    this.#partsAsked = true;
    const validation = (this.#validationLoad ??= chunks.validation().then(
      (rules) => this.options.fields.arrive(rules),
      (error: unknown) => {
        this.#validationLoad = undefined;
        throw error;
      },
    ));
    // The base class's updateComplete: the element's own waits for this very load.
    this.#deliveryLoad ??= validation
      .catch(() => undefined)
      .then(() => this.#firstRender)
      .then(() => this.options.updated())
      .then(() => Promise.race([quietOrLate(), this.#submitAsked]))
      .then(() => chunks.delivery())
      .then(
        (delivery) => this.#deliveryArrived(delivery),
        (error: unknown) => {
          this.#deliveryLoad = undefined;
          throw error;
        },
      );
    this.startRecorders();
    // Loaded ahead, so a Submit with consent given does not wait for it; delivery asks for it (and waits) before sending.
    if (this.options.consent.asked(this.options.config().consent)) void this.#loadConsentVisibility().catch(() => undefined);
    const both = Promise.all([this.#validationLoad, this.#deliveryLoad]).then(() => undefined);
    this.track(both);
    return both;
  }

  /** Delivery is here: tracking captures the visit, conversions listen, and leads an earlier visit left go. */
  #deliveryArrived({ DeliveryController, TrackingController, ConversionsController, loadEnhancedConversions, ScreenSubmit }: DeliveryChunk): void {
    if (this.#delivery) return;
    const { host, options } = this;
    const tracking = new TrackingController(host);
    // The conversions layer never imports the element: the hashing is loaded as the element loads its chunks.
    new ConversionsController(host, loadEnhancedConversions);
    const delivery = new DeliveryController(host, { ...options, tracking, consentVisibility: () => this.#loadConsentVisibility() });
    options.steps().deliveryArrived(ScreenSubmit);
    delivery.configure(options.config(), true);
    this.#delivery = delivery;
    options.slot.attach(delivery);
    delivery.start(this.#shownAt ?? performance.now());
    host.requestUpdate();
  }

  /**
   * Starts the consent recorders the page asked for (their chunk, then the vendors' scripts) beside
   * the rules, once the form has been rendered (TrustedForm must find it in the page: a prerendered
   * form's markup has none), and again when the page asks for one later. Neither delivery,
   * `updateComplete` nor a Submit waits for their chunk: a lead waits for their evidence only within
   * `trustedform-timeout`, a chunk that never came counted as a blocked vendor script.
   */
  startRecorders(): void {
    const host = this.host;
    // Their chunk could not be loaded: tried again with the rules (back online, the next Submit), and when a lead is sent.
    if (this.#partsAsked && host.hasUpdated) void startRecorders(host.ownerDocument, this.options.config()).catch(() => undefined);
  }

  /**
   * Runs `submit` once what it needs has arrived: properties a page set just before take effect
   * first, and a Submit pressed before the rules or delivery arrived waits for them (they are already
   * on their way). When something could not be loaded the person and the page are told, and it rejects.
   */
  async submitting(submit: () => Promise<void>): Promise<void> {
    const host = this.host;
    this.#askSubmit();
    try {
      await host.updateComplete;
      await this.options.form.settled();
      if (!this.#delivery || !this.options.fields.validating) {
        await this.#loadParts();
        await host.updateComplete;
      }
      if (this.#toldCannotSend) this.options.slot.alert = '';
      this.#toldCannotSend = false;
      return await submit();
    } catch (error) {
      this.#cannotSend();
      throw error;
    }
  }

  /** What Submit needs could not be loaded: the person is told (the notice above a form held for its own chunks says it already), and the page. */
  #cannotSend(): void {
    if (this.options.form.holding) return;
    const message = unavailableMessage(this.host, 'sendUnavailable');
    this.#toldCannotSend = true;
    this.options.slot.alert = message;
    this.host.requestUpdate();
    this.host.dispatchEvent(loadErrorEvent(message));
  }
}
