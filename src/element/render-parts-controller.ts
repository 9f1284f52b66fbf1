import type { PropertyValues } from 'lit';
import { withRetries } from './chunk-retry.js';
import { localeOf } from './config.js';
import type { ConsentController } from './consent-controller.js';
import { consentPart, loadConsentPart } from './consent-part.js';
import { asksDateOfBirth, dateOfBirthPart, loadDateOfBirthPart } from './date-of-birth-part.js';
import type { FieldsController } from './fields-controller.js';
import type { LeadCaptureProperties } from './lead-capture-properties.js';
import { loadWords, wordsFor } from './locales.js';
import { hasPrerendered } from './prerendered.js';
import { retryOn } from './retry-on.js';
import { loadPrerenderedPart, prerenderedPart } from './prerendered-part.js';
import { asksQuestions, loadQuestionsPart, questionsPart } from './questions-part.js';
import { UnavailableNotice } from './unavailable-notice.js';
import { asksUsState, loadUsStatesPart, usStatesPart } from './us-states-part.js';

/** What the person does at the form that tries a chunk of its own again, when it could not be loaded. */
const USE = ['input', 'focusin', 'click'] as const;

/** The longest a prerendered form's takeover waits for the rules on their way. */
const RULES_WAIT_MS = 100;

/** What the form's own parts ask of the element. */
export interface RenderPartsOptions {
  readonly fields: FieldsController;
  readonly consent: ConsentController;
  /**
   * The rules' load, once on its way (send-parts-controller.ts, which asks for them as the widget
   * arrives over a prerendered form): the takeover waits a moment for it.
   */
  readonly rules: () => Promise<void> | undefined;
  /** Work the element's `updateComplete` waits for (send-parts-controller.ts keeps it). */
  readonly track: (work: Promise<unknown>) => void;
}

/**
 * The chunks of the form's own, loaded before its first render: a form in a language other than
 * English waits for its words (`lead-capture.es.js`), a form with questions or steps for the code
 * that asks them (`lead-capture.questions.js`), a form with a date of birth for its boxes
 * (`lead-capture.date-of-birth.js`), a form with a state for the states' list
 * (`lead-capture.us-states.js`), a form that asks for consent for its disclosure
 * (`lead-capture.consent.js`), an element holding a prerendered form for its takeover
 * (`lead-capture.prerendered.js`). The changes held while they load, their retries, and the notice
 * (and `lead-error`, stage `load`) when they cannot be loaded.
 */
export class RenderPartsController {
  /** Changes held back while a part of the form's own was loading, applied with the first update after. */
  readonly #held = new Map<PropertyKey, unknown>();
  /** The takeover's wait for the rules (`#rulesBeforeTakeover`), and whether it is over. */
  #rulesWait: Promise<void> | undefined;
  #rulesWaited = false;
  /** The chunks of the form's own on their way, tried again until they come or the tries run out. */
  #load: Promise<void> | undefined;
  /** Whether the chunks of the form's own could not be loaded, the tries run out (until the next try). */
  #failed = false;
  /** Said above the form when those chunks could not be loaded. */
  readonly #unavailable: UnavailableNotice;

  constructor(
    private readonly host: LeadCaptureProperties,
    private readonly options: RenderPartsOptions,
  ) {
    this.#unavailable = new UnavailableNotice(host);
    // Back online: changes held for a chunk that could not be loaded try it again.
    retryOn(host, () => {
      if (this.#held.size > 0) host.requestUpdate();
    });
    // The person at the form (typing, focusing, pressing its Submit, the prerendered markup's
    // included) while a chunk of the form's own could not be loaded: tried again then, as a Submit
    // does, since a CDN's hiccup or a refused SRI pin never fires `online`. What they typed stays,
    // and the takeover keeps it.
    retryOn(
      host,
      () => {
        if (this.#failed) host.requestUpdate();
      },
      USE,
      host,
    );
  }

  /** Whether changes wait for a chunk of the form's own (the form on screen is as it was before them). */
  get holding(): boolean {
    return this.#held.size > 0;
  }

  /**
   * Whether the element may update now: not before the parts of the form's own have arrived, rather
   * than flash English or a form without its questions, date, states or consent (a prerendered form stays on
   * screen, usable, meanwhile); what changed meanwhile is held for that update (`withHeld`). Any of
   * them given later (the `questions`, `fields` or `consent` property) loads its chunk then, the form
   * shown as it was until it arrives (and a Submit meanwhile waits for it). A chunk that fails is
   * tried again (`#loadParts`). A prerendered form's takeover also waits a moment for the
   * rules (`#rulesBeforeTakeover`).
   */
  ready(changed: PropertyValues): boolean {
    const waiting = this.#parts();
    if (waiting.length === 0) {
      this.#unavailable.hide();
      return true;
    }
    for (const [key, value] of changed) if (!this.#held.has(key)) this.#held.set(key, value);
    this.#load ??= this.#loadParts();
    return false;
  }

  /** This update's changes with those held back while the parts were loading, which are then forgotten. */
  withHeld<T extends PropertyValues>(current: T): T {
    const changed = new Map([...this.#held, ...current]) as T;
    this.#held.clear();
    return changed;
  }

  /**
   * Before a Submit (the element's `updateComplete` awaited): changes still waiting for a chunk of
   * the form's own that could not be loaded try it once more, and are never sent as the form was
   * before them: rejects if they still wait.
   */
  async settled(): Promise<void> {
    if (this.#held.size === 0) return;
    this.host.requestUpdate();
    await this.host.updateComplete;
    if (this.#held.size > 0) throw new Error('the form is waiting for a chunk of its own that could not be loaded');
  }

  /** The chunks of the form's own it still needs, each load started (or the one on its way). */
  #parts(): Promise<unknown>[] {
    const host = this.host;
    const locale = localeOf(host.locale);
    return [
      locale && locale !== 'en' && !wordsFor(locale) && loadWords(locale),
      !questionsPart() && asksQuestions(host) && loadQuestionsPart(),
      !dateOfBirthPart() && asksDateOfBirth(host.fields) && loadDateOfBirthPart(),
      !usStatesPart() && asksUsState(host.fields) && loadUsStatesPart(),
      !consentPart() && this.options.consent.asked(host.consent.trim()) && loadConsentPart(),
      !prerenderedPart() && !host.hasUpdated && hasPrerendered(host) && loadPrerenderedPart(),
      !host.hasUpdated && hasPrerendered(host) && this.#rulesBeforeTakeover(),
    ].filter((load) => load instanceof Promise);
  }

  /**
   * The rules, on their way since the widget arrived (`SendPartsController.startParts`), waited for
   * before a prerendered form's takeover, once and `RULES_WAIT_MS` at most (resolving when they arrive
   * or fail, never rejecting): the takeover then renders with them, and a field the person left in
   * the markup shows its verdict in the takeover's own render, not a frame and a render later. Rules
   * slower than that check it when they come.
   */
  #rulesBeforeTakeover(): Promise<void> | false {
    if (this.#rulesWaited) return false;
    const rules = this.options.rules();
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
   * types, focuses or clicks in the form or its prerendered markup. Until then
   * the form stays as it was, and a Submit is refused rather than send it as it was (`settled`).
   */
  #loadParts(): Promise<void> {
    this.#failed = false;
    const load = withRetries(() => Promise.all(this.#parts()))
      .then(
        () => this.host.requestUpdate(),
        (error: unknown) => {
          // Before the page and person are told: what they do next tries again at once.
          this.#load = undefined;
          this.#failed = true;
          // The error logged beside it names the file.
          console.error('<lead-capture>: could not load a part of the form', error);
          this.#unavailable.show();
        },
      )
      .finally(() => {
        if (this.#load === load) this.#load = undefined;
      });
    this.options.track(load);
    return load;
  }
}
