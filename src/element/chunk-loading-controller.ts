import type { PropertyValues, ReactiveController } from 'lit';
import type { Locale } from '../fields/messages/locales.js';
import { withRetries } from './chunk-retry.js';
import { chunks, type DeliveryChunk } from './chunks.js';
import { localeOf, type LeadCaptureConfig } from './config.js';
import { consentPart, loadConsentPart } from './consent-part.js';
import { asksDateOfBirth, dateOfBirthPart, loadDateOfBirthPart } from './date-of-birth-part.js';
import type { DeliveryController, DeliveryOptions } from './delivery-controller.js';
import type { DeliverySlot } from './delivery-slot.js';
import type { LeadCaptureProperties } from './lead-capture-properties.js';
import { loadOnce } from './load-once.js';
import { loadWords, wordsFor } from './locales.js';
import { afterPaint, hasPrerendered } from './prerendered.js';
import { loadPrerenderedPart, prerenderedPart } from './prerendered-part.js';
import { asksQuestions, loadQuestionsPart, questionsPart } from './questions-part.js';
import { unavailableText } from './strings/unavailable.js';
import type { UnavailableKey } from './strings/types.js';
import { loadErrorEvent, UnavailableNotice } from './unavailable-notice.js';


/** What the person does at the form that tries a chunk of its own again (`#retryOnUse`). */
const USE = ['input', 'focusin', 'click'] as const;
/** What the loading asks of the element: its collaborators (delivery is wired to them when it arrives), and its base class's `updateComplete`. */
export interface ChunkLoadingOptions extends Omit<DeliveryOptions, 'tracking' | 'consentVisibility'> {
  /** Where delivery plugs in, and where the person is told what Submit needs could not be loaded. */
  readonly slot: DeliverySlot;
  /** The update in progress done (the base class's `updateComplete`, which waits for none of the chunks). */
  readonly updated: () => Promise<boolean>;
}

/** A frame painted, or 100 ms, whichever comes first (a page in a background tab paints no frame). */
function paintedOrLate(): Promise<void> {
  return Promise.race([afterPaint(), new Promise<void>((resolve) => setTimeout(resolve, 100))]);
}

/** The longest a prerendered form's takeover waits for the rules on their way. */
const RULES_WAIT_MS = 100;

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
 * The element's chunks, loaded when it needs them: the parts of the form's own before its first
 * render (a form in a language other than English waits for its words, `lead-capture.es.js`; a form
 * with questions or steps for the code that asks them, `lead-capture.questions.js`; a form with a
 * date of birth for its boxes, `lead-capture.date-of-birth.js`; a form that asks for consent for its
 * disclosure, `lead-capture.consent.js`; an element holding a prerendered form for its takeover,
 * `lead-capture.prerendered.js`), then the rules and delivery once it is painted, and the
 * consent check. What Submit and `updateComplete` wait for, and what the person and the page are told
 * when a chunk cannot be loaded.
 */
export class ChunkLoadingController implements ReactiveController {
  /** Work still finishing an update (a chunk on its way): `updateComplete` waits for it. */
  readonly #pending = new Set<Promise<unknown>>();
  /** Changes held back while a part of the form's own was loading, applied with the first update after. */
  readonly #held = new Map<PropertyKey, unknown>();
  /** When the form first appeared, for the minimum fill time. */
  #shownAt: number | undefined;
  #validationLoad: Promise<void> | undefined;
  /** The takeover's wait for the rules (`#rulesBeforeTakeover`), and whether it is over. */
  #rulesWait: Promise<void> | undefined;
  #rulesWaited = false;
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
  /** The chunks of the form's own (words, questions, date of birth, consent disclosure) on their way, tried again until they come or the tries run out. */
  #renderPartsLoad: Promise<void> | undefined;
  /** Whether the alert region says what Submit needs could not be loaded (cleared by the next Submit that gets it). */
  #toldCannotSend = false;
  /** Said above the form when those chunks could not be loaded. */
  readonly #unavailable: UnavailableNotice;
  /** Whether the rules and delivery have been asked for (`#loadParts`): back online, one that could not be loaded is tried again. */
  #partsAsked = false;
  /** Back online: chunks that could not be loaded are tried again, the form's own and what Submit needs (the recorders' too). */
  readonly #retryOnline = (): void => {
    if (this.#held.size > 0) this.host.requestUpdate();
    if (this.#partsAsked) this.startParts();
    this.startRecorders();
  };

  constructor(
    private readonly host: LeadCaptureProperties,
    private readonly options: ChunkLoadingOptions,
  ) {
    this.#unavailable = new UnavailableNotice(host);
    host.addController(this);
  }

  /**
   * The person at the form (typing, focusing, pressing its Submit, the prerendered markup's included)
   * while a chunk of the form's own could not be loaded: tried again then, as a Submit does, since a
   * CDN's hiccup or a refused SRI pin never fires `online`. What they typed stays, and the takeover keeps it.
   */
  readonly #retryOnUse = (): void => {
    if (this.#renderPartsFailed) this.host.requestUpdate();
  };
  /** Whether the chunks of the form's own could not be loaded, the tries run out (until the next try). */
  #renderPartsFailed = false;

  hostConnected(): void {
    window.addEventListener('online', this.#retryOnline);
    for (const type of USE) this.host.addEventListener(type, this.#retryOnUse, true);
  }
  hostDisconnected(): void {
    window.removeEventListener('online', this.#retryOnline);
    for (const type of USE) this.host.removeEventListener(type, this.#retryOnUse, true);
  }

  /** Delivery, once its chunk has arrived. */
  get delivery(): DeliveryController | undefined {
    return this.#delivery;
  }

  /**
   * Whether the element may update now: not before the parts of the form's own have arrived, rather
   * than flash English or a form without its questions, date or consent (a prerendered form stays on
   * screen, usable, meanwhile); what changed meanwhile is held for that update (`withHeld`). Any of
   * them given later (the `questions`, `fields` or `consent` property) loads its chunk then, the form
   * shown as it was until it arrives (and a Submit meanwhile waits for it). A chunk that fails is
   * tried again (`#loadRenderParts`). A prerendered form's takeover also waits a moment for the
   * rules (`#rulesBeforeTakeover`).
   */
  ready(changed: PropertyValues): boolean {
    const waiting = this.#renderParts();
    if (waiting.length === 0) {
      this.#unavailable.hide();
      return true;
    }
    for (const [key, value] of changed) if (!this.#held.has(key)) this.#held.set(key, value);
    this.#renderPartsLoad ??= this.#loadRenderParts();
    return false;
  }

  /** This update's changes with those held back while the parts were loading, which are then forgotten. */
  withHeld<T extends PropertyValues>(current: T): T {
    const changed = new Map([...this.#held, ...current]) as T;
    this.#held.clear();
    return changed;
  }

  /** The chunks of the form's own it still needs, each load started (or the one on its way). */
  #renderParts(): Promise<unknown>[] {
    const host = this.host;
    const locale = localeOf(host.locale);
    return [
      locale && locale !== 'en' && !wordsFor(locale) && loadWords(locale),
      !questionsPart() && asksQuestions(host) && loadQuestionsPart(),
      !dateOfBirthPart() && asksDateOfBirth(host.fields) && loadDateOfBirthPart(),
      !consentPart() && this.options.consent.asked(host.consent.trim()) && loadConsentPart(),
      !prerenderedPart() && !host.hasUpdated && hasPrerendered(host) && loadPrerenderedPart(),
      !host.hasUpdated && hasPrerendered(host) && this.#rulesBeforeTakeover(),
    ].filter((load) => load instanceof Promise);
  }

  /**
   * The rules, on their way since the widget arrived (`startParts`), waited for before a prerendered
   * form's takeover, once and `RULES_WAIT_MS` at most (resolving when they arrive or fail, never
   * rejecting): the takeover then renders with them, and a field the person left in the markup shows
   * its verdict in the takeover's own render, not a frame and a render later. Rules slower than that
   * check it when they come.
   */
  #rulesBeforeTakeover(): Promise<void> | false {
    if (this.#rulesWaited) return false;
    const rules = this.#validationLoad;
    if (!rules || this.options.fields.validating) return false;
    return (this.#rulesWait ??= Promise.race([rules.catch(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, RULES_WAIT_MS))]).then(
      () => void (this.#rulesWaited = true),
    ));
  }

  /**
   * Loads the chunks of the form's own, tried again with backoff when one fails (a failed load is
   * forgotten), then renders. When the tries run out the person is told above the form (or the
   * prerendered markup), in the form's language, and the page by a `lead-error` (stage `load`); they
   * are tried again when the browser comes back online, on the next change or Submit, and when the person
   * types, focuses or clicks in the form or its prerendered markup (`#retryOnUse`). Until then
   * the form stays as it was, and a Submit is refused rather than send it as it was (`submitting`).
   */
  #loadRenderParts(): Promise<void> {
    this.#renderPartsFailed = false;
    const load = withRetries(() => Promise.all(this.#renderParts()))
      .then(
        () => this.host.requestUpdate(),
        (error: unknown) => {
          // Before the page and person are told: what they do next tries again at once.
          this.#renderPartsLoad = undefined;
          this.#renderPartsFailed = true;
          // The error logged beside it names the file.
          console.error('<lead-capture>: could not load a part of the form', error);
          this.#unavailable.show(this.#locale(), this.#unavailableText('formUnavailable'));
        },
      )
      .finally(() => {
        if (this.#renderPartsLoad === load) this.#renderPartsLoad = undefined;
      });
    this.track(load);
    return load;
  }

  /** The form's language as the page asked for it, whether or not its words have come. */
  #locale(): Locale {
    return localeOf(this.host.locale) ?? 'en';
  }

  /** What the person is told when a chunk could not be loaded: the page's words (`messages.ui`, as given: its own configuration may be what waits), else ours. */
  #unavailableText(key: UnavailableKey): string {
    return unavailableText(key, this.#locale(), this.host.messages?.ui);
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
   * for consent. One that failed to load is tried again when next asked, and when the browser comes
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
    // Loaded ahead, so a Submit with consent given does not wait for it; delivery asks for it (and waits) before sending.
    if (this.options.consent.asked(this.options.config().consent)) void this.#loadConsentVisibility().catch(() => undefined);
    const both = Promise.all([this.#validationLoad, this.#deliveryLoad]).then(() => undefined);
    this.track(both);
    return both;
  }

  /** Delivery is here: tracking captures the visit, conversions listen, and leads an earlier visit left go. */
  #deliveryArrived({ DeliveryController, TrackingController, ConversionsController }: DeliveryChunk): void {
    if (this.#delivery) return;
    const { host, options } = this;
    const tracking = new TrackingController(host);
    new ConversionsController(host);
    const delivery = new DeliveryController(host, { ...options, tracking, consentVisibility: () => this.#loadConsentVisibility() });
    delivery.configure(options.config(), true);
    this.#delivery = delivery;
    options.slot.attach(delivery);
    delivery.start(this.#shownAt ?? performance.now());
    this.startRecorders();
    host.requestUpdate();
  }

  /**
   * Starts the consent recorders the page asked for, once delivery is here. Neither `updateComplete`
   * nor a Submit waits for their chunk: a lead waits for their evidence only within `trustedform-timeout`.
   */
  startRecorders(): void {
    if (this.#delivery) void this.#delivery.startRecorders();
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
      if (this.#held.size > 0) {
        // Changes still wait for a chunk of the form's own that could not be loaded: tried once more,
        // and never sent as the form was before them.
        host.requestUpdate();
        await host.updateComplete;
        if (this.#held.size > 0) throw new Error('the form is waiting for a chunk of its own that could not be loaded');
      }
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
    if (this.#held.size > 0) return;
    const message = this.#unavailableText('sendUnavailable');
    this.#toldCannotSend = true;
    this.options.slot.alert = message;
    this.host.requestUpdate();
    this.host.dispatchEvent(loadErrorEvent(message));
  }
}
