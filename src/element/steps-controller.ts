import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FieldErrorCode } from '../fields/error-codes.js';
import type { LeadCaptureConfig } from './config.js';
import type { ConsentController } from './consent-controller.js';
import type { DeliveryPort } from './delivery-slot.js';
import { CONSENT, type FieldsController } from './fields-controller.js';
import { LeadInvalidEvent } from './events.js';
import { questionsPart } from './questions-part.js';
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

/**
 * Which screen the person is on, and what Submit does there. A form is one screen, or with `steps`
 * (DESIGN.md, "Questions and steps") several: the one submit button reads "Next" and checks only the
 * step shown until the last, where it checks everything and sends. For two-step destinations with
 * deferred consent, the consent step follows once the destination qualified the lead; it is not one
 * of the counted steps. Moving through several steps is the questions chunk's (step-sequence.ts):
 * a form of one screen never loads it.
 */
export class StepsController implements ReactiveController {
  #focusHeading = false;
  /** The form's steps, once it has several (a configuration with steps was resolved with the questions chunk). */
  #sequenceOf: StepSequence | undefined;
  /** The press of Submit being checked: another press meanwhile joins it (`submit()`). */
  #pressed: Promise<void> | undefined;

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
  get #steps(): readonly (readonly string[])[] {
    return this.options.config().steps;
  }

  /** The steps of a form of several, from the questions chunk; undefined for a form of one screen. */
  get #sequence(): StepSequence | undefined {
    const part = this.#steps.length > 1 ? questionsPart() : undefined;
    if (!part) return undefined;
    return (this.#sequenceOf ??= new part.StepSequence(this.host, { steps: () => this.#steps, remember: this.options.remember }));
  }

  /** The counted step shown, counting from 0. */
  get #current(): number {
    return this.#sequence?.current ?? 0;
  }

  /** Whether Submit sends (the last counted step, or a form of one step), rather than moves on. */
  get onLastStep(): boolean {
    return this.#current >= this.#steps.length - 1;
  }

  /** Whether "Step N of M" and Back apply to what is shown: a form of several steps, before it is done. */
  get #counted(): boolean {
    return this.#steps.length > 1 && !this.onConsentStep && !this.options.delivery.done;
  }

  /** Forgets the step and what it kept, ready for another person. */
  reset(): void {
    this.#sequenceOf?.reset();
    this.host.requestUpdate();
  }

  /** Back to the previous step, values kept (they are the element's `values`, whichever step shows them). */
  readonly back = (): void => {
    if (this.#current === 0 || this.options.delivery.busy) return;
    this.options.fields.errors = {};
    this.options.fields.submitted = false;
    this.#sequence?.go(this.#current - 1);
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
    const fields = this.#steps[this.#current] ?? config.fields;
    return {
      fields,
      required: config.required.filter((name) => fields.includes(name)),
      consent: this.options.consent.asked(config.consent) && config.consentTiming === 'create' && this.onLastStep,
      consentStep,
    };
  }

  /**
   * Validates this screen and sends, exactly as pressing Submit does. A second press while the first
   * is still being checked (the rules, the email-typo table or the consent check on their way) joins
   * it: delivery's busy check cannot hold it, since nothing is on its way yet, and the lead would go
   * twice, under two keys. The checks over, the window closes before anything is done or told to the
   * page, so a press after that (Next again, I agree) is a press of its own.
   */
  submit(): Promise<void> {
    if (this.#pressed) return this.#pressed;
    const close = () => (this.#pressed = undefined);
    const pressed = this.#check().then(
      (act) => {
        close();
        return act?.();
      },
      (error: unknown) => {
        close();
        throw error;
      },
    );
    this.#pressed = pressed;
    return pressed;
  }

  /** What pressing Submit does on this screen, once checked: move on, refuse, or send; nothing when busy or already answered. */
  async #check(): Promise<(() => Promise<void>) | undefined> {
    const { fields, delivery } = this.options;
    if (delivery.busy || delivery.done) return undefined;
    const screen = this.screen;
    if (!screen.consentStep && !this.onLastStep) return this.#checkStep(screen);
    fields.submitted = true;
    if (screen.consentStep) {
      const mobile = fields.checkRequired('mobile');
      const errors = { ...this.#consentError(screen), ...(mobile.ok ? {} : { mobile: mobile.error }) };
      if (!mobile.ok || Object.keys(errors).length > 0) return () => this.#refuse(errors);
      fields.errors = {};
      if (this.#consentToCheck(screen) && !(await delivery.consentWasVisible())) return undefined;
      return () => delivery.sendConsentStep(mobile.value);
    }
    const validation = fields.checkLead();
    if (!validation) return undefined;
    const errors = { ...(validation.ok ? {} : validation.errors), ...this.#consentError(screen) };
    if (!validation.ok || Object.keys(errors).length > 0) return () => this.#refuseFromEarliest(errors);
    fields.errors = {};
    if (screen.fields.includes('email') && (await this.#offerSuggestion())) return undefined;
    if (this.#consentToCheck(screen) && !(await delivery.consentWasVisible())) return undefined;
    return async () => {
      this.#sequence?.forget();
      return delivery.send(validation.lead);
    };
  }

  /** Checks only the step shown; moves on when it is right. Nothing is sent before the last step. */
  async #checkStep(screen: Screen): Promise<(() => Promise<void>) | undefined> {
    const { fields } = this.options;
    // The whole lead's check, kept to this step's fields: each judged exactly as on the last step.
    const lead = fields.checkLead();
    const errors = Object.fromEntries(Object.entries(lead && !lead.ok ? lead.errors : {}).filter(([name]) => screen.fields.includes(name)));
    if (Object.keys(errors).length > 0) {
      fields.submitted = true;
      return () => this.#refuse(errors);
    }
    if (screen.fields.includes('email') && (await this.#offerSuggestion())) return undefined;
    return async () => {
      fields.errors = {};
      fields.submitted = false;
      this.options.delivery.status = '';
      this.#sequence?.go(this.#current + 1);
    };
  }

  /** On the last step, a problem on an earlier one takes the person back there, to that problem. */
  async #refuseFromEarliest(errors: Partial<Record<string, FieldErrorCode>>): Promise<void> {
    const earliest = this.#steps.findIndex((step) => step.some((name) => errors[name] !== undefined));
    if (this.#steps.length <= 1 || earliest < 0 || earliest >= this.#current) return this.#refuse(errors);
    this.#sequence?.go(earliest, false);
    const step = this.#steps[earliest] ?? [];
    return this.#refuse(Object.fromEntries(Object.entries(errors).filter(([name]) => step.includes(name))));
  }

  /**
   * A likely typo in the email ("jane@yahoo.con"), shown once before anything is sent, with its
   * button in focus: the person takes it, or presses Submit again to send what they typed.
   */
  async #offerSuggestion(): Promise<boolean> {
    if ((await this.options.fields.offerSuggestion()) === undefined) return false;
    await this.host.updateComplete;
    this.host.querySelector<HTMLElement>(':scope > form.lc-form .lc-use-suggestion')?.focus();
    return true;
  }

  /**
   * Consent that was never visible is not consent: consent given on this screen is checked as the page
   * shows it before anything is sent, and a box the person checked beside a disclosure the page's CSS
   * hid, shrank or faded is refused (delivery names the rule for the page's developers).
   */
  #consentToCheck(screen: Screen): boolean {
    return screen.consent && this.options.consent.given();
  }

  /** The consent problem, if the person must agree on this screen and has not. */
  #consentError(screen: Screen): Partial<Record<string, FieldErrorCode>> {
    const mustAgree = screen.consent && !this.options.config().consentOptional;
    return mustAgree && !this.options.consent.given() ? { [CONSENT]: 'required' } : {};
  }

  /** Shows the errors under a GOV.UK error summary, puts the person on the summary, then tells the page. */
  async #refuse(errors: Partial<Record<string, FieldErrorCode>>): Promise<void> {
    const { fields, delivery } = this.options;
    fields.showSummary(errors);
    const messages = fields.messagesFor(errors);
    delivery.status = '';
    await this.host.updateComplete;
    const summary = this.host.querySelector<HTMLElement>(':scope > form.lc-form .lc-error-summary');
    summary?.focus({ preventScroll: true });
    summary?.scrollIntoView({ block: 'start' });
    this.host.dispatchEvent(new LeadInvalidEvent({ errors, messages }));
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
