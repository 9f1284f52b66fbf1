import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LeadCaptureConfig } from './config.js';
import type { ConsentController } from './consent-controller.js';
import type { DeliveryPort } from './delivery-slot.js';
import type { FieldsController } from './fields-controller.js';
import { questionsPart } from './questions-part.js';
import type { ScreenSubmit } from './screen-submit.js';
import type { StepSequence } from './step-sequence.js';
import type { UiStrings } from './strings/types.js';

/** What the person sees now: the fields on screen, which of them must be filled, and whether consent is asked here. */
export interface Screen {
  /** Catalogue keys and the names of the page's questions. */
  readonly fields: readonly string[];
  readonly required: readonly string[];
  readonly consent: boolean;
  /** The deferred consent step (`consent-timing="submit"`), shown after the destination qualified the lead. */
  readonly consentStep: boolean;
}

export interface StepsOptions {
  readonly config: () => LeadCaptureConfig;
  readonly fields: FieldsController;
  readonly consent: ConsentController;
  readonly delivery: DeliveryPort;
  /** Whether the form may keep the completed steps' values for the tab's session (`persist` is not `none`); default no. */
  readonly remember?: () => boolean;
}

/** The element as the steps see it: where the values live. */
export interface StepsHost extends ReactiveControllerHost, HTMLElement {
  values?: Record<string, string>;
}

/** Where the person is among the steps, as Submit's check (screen-submit.ts) reads and moves it. */
export interface StepsPosition {
  readonly steps: readonly (readonly string[])[];
  readonly current: number;
  readonly onLastStep: boolean;
  readonly screen: Screen;
  go(step: number, focusFirstField?: boolean): void;
  forget(): void;
}

/**
 * Which screen the person is on, and what Submit does there. A form is one screen, or with `steps`
 * (DESIGN.md, "Questions and steps") several: the one submit button reads "Next" and checks only the
 * step shown until the last, where it checks everything and sends. For two-step destinations with
 * deferred consent, the consent step follows once the destination qualified the lead; it is not one
 * of the counted steps. Moving through several steps is the questions chunk's (step-sequence.ts):
 * a form of one screen never loads it. Checking a screen when Submit is pressed is the delivery
 * chunk's (screen-submit.ts), which a Submit waits for: the first render does without it.
 */
export class StepsController implements ReactiveController, StepsPosition {
  #focusHeading = false;
  /** The form's steps, once it has several (a configuration with steps was resolved with the questions chunk). */
  #sequenceOf: StepSequence | undefined;
  /** What Submit does on each screen, once delivery has brought it. */
  #submit: ScreenSubmit | undefined;

  constructor(
    private readonly host: StepsHost,
    private readonly options: StepsOptions,
  ) {
    host.addController(this);
  }

  /** Comes back to the step a reload left, with the earlier steps' values, the first time a form with steps renders. */
  hostUpdate(): void {
    this.#sequence?.restore();
  }

  /** Puts the person on the heading of the step just shown (the consent step), or on the first field of a new step. */
  hostUpdated(): void {
    this.#sequence?.focusStep();
    if (!this.#focusHeading) return;
    this.#focusHeading = false;
    this.host.querySelector<HTMLElement>(':scope > form.lc-form .lc-step-title')?.focus();
  }

  /** The steps of the form: groups of names; one group when the form is not split. */
  get steps(): readonly (readonly string[])[] {
    return this.options.config().steps;
  }

  /** The steps of a form of several, from the questions chunk; undefined for a form of one screen. */
  get #sequence(): StepSequence | undefined {
    const part = this.steps.length > 1 ? questionsPart() : undefined;
    if (!part) return undefined;
    return (this.#sequenceOf ??= new part.StepSequence(this.host, { steps: () => this.steps, remember: this.options.remember }));
  }

  /** The counted step shown, counting from 0. */
  get current(): number {
    return this.#sequence?.current ?? 0;
  }

  /** Whether Submit sends (the last counted step, or a form of one step), rather than moves on. */
  get onLastStep(): boolean {
    return this.current >= this.steps.length - 1;
  }

  /** Whether "Step N of M" and Back apply to what is shown: a form of several steps, before it is done. */
  get #counted(): boolean {
    return this.steps.length > 1 && !this.onConsentStep && !this.options.delivery.done;
  }

  /** Forgets the step and what it kept, ready for another person. */
  reset(): void {
    this.#sequenceOf?.reset();
    this.host.requestUpdate();
  }

  /** Back to the previous step, values kept (they are the element's `values`, whichever step shows them). */
  readonly back = (): void => {
    if (this.current === 0 || this.options.delivery.busy) return;
    this.options.fields.errors = {};
    this.options.fields.submitted = false;
    this.#sequence?.go(this.current - 1);
  };

  /** Asks for the step's heading to take focus after the next render. */
  focusHeading(): void {
    this.#focusHeading = true;
    this.host.requestUpdate();
  }

  /** Whether the consent step (deferred consent) is what the person is looking at. */
  get onConsentStep(): boolean {
    const state = this.options.delivery.state;
    const consentStep = state.phase === 'awaiting-submit' || (state.phase === 'failed' && state.stage === 'submit');
    return this.options.config().consentTiming === 'submit' && consentStep;
  }

  /** The step's fields, or on the consent step the mobile number to confirm; consent with the last step. */
  get screen(): Screen {
    const config = this.options.config();
    const consentStep = this.onConsentStep;
    if (consentStep) return { fields: ['mobile'], required: ['mobile'], consent: this.options.consent.asked(config.consent), consentStep };
    const fields = this.steps[this.current] ?? config.fields;
    return {
      fields,
      required: config.required.filter((name) => fields.includes(name)),
      consent: this.options.consent.asked(config.consent) && config.consentTiming === 'create' && this.onLastStep,
      consentStep,
    };
  }

  /**
   * Validates this screen and sends, exactly as pressing Submit does (a second press while the first
   * is being checked joins it). The check comes with the delivery chunk (screen-submit.ts): a Submit
   * waits for delivery before it gets here (send-parts-controller.ts, `submitting`).
   */
  submit(): Promise<void> {
    if (!this.#submit) return Promise.reject(new Error('<lead-capture>: delivery is not loaded yet'));
    return this.#submit.submit();
  }

  /** Delivery has arrived with what Submit does on each screen (send-parts-controller.ts hands it over). */
  deliveryArrived(Submit: typeof ScreenSubmit): void {
    this.#submit ??= new Submit(this.host, this.options, this);
  }

  /** Moves to a counted step (values kept); `focusFirstField` false leaves focus where it is. */
  go(step: number, focusFirstField = true): void {
    this.#sequence?.go(step, focusFirstField);
  }

  /** Forgets what the completed steps kept, as the lead goes. */
  forget(): void {
    this.#sequence?.forget();
  }

  /** The heading of a step that is not the form itself (the consent step), or "Step N of M" with its bar. */
  renderHeader(strings: UiStrings, idPrefix: string): TemplateResult | typeof nothing {
    const sequence = this.#counted ? this.#sequence : undefined;
    if (sequence) return sequence.renderProgress(strings, `${idPrefix}-progress`);
    if (!this.onConsentStep) return nothing;
    return html`<div class="lc-step">
      <h2 class="lc-step-title" tabindex="-1">${strings.consentStepTitle}</h2>
      <p class="lc-step-intro">${strings.consentStepIntro}</p>
    </div>`;
  }

  /** The one submit button's words: what pressing it will do on this screen. */
  buttonLabel(strings: UiStrings): string {
    const { delivery } = this.options;
    if (delivery.busy) return strings.sending;
    if (delivery.retryable) return strings.retry;
    if (this.onConsentStep) return strings.agree;
    return this.onLastStep ? (this.options.config().submitLabel ?? strings.submit) : strings.next;
  }

  /** Back, from the second counted step on. */
  renderBack(strings: UiStrings): TemplateResult | typeof nothing {
    return (this.#counted && this.#sequence?.renderBack(strings, this.back)) || nothing;
  }
}
