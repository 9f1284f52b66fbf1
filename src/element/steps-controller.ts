import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { FieldKey } from '../fields/keys.js';
import type { FieldErrorCode } from '../fields/rules.js';
import type { LeadCaptureConfig } from './config.js';
import type { ConsentController } from './consent-controller.js';
import type { DeliveryController } from './delivery-controller.js';
import { CONSENT, type FieldsController } from './fields-controller.js';
import { describeProblems } from '../consent/visibility.js';
import { LeadErrorEvent, LeadInvalidEvent } from './events.js';
import { stringsFor, type UiStrings } from './strings/index.js';

/** What the person sees now: the fields on screen, which of them must be filled, and whether consent is asked here. */
export interface Screen {
  readonly fields: readonly FieldKey[];
  readonly required: readonly FieldKey[];
  readonly consent: boolean;
  /** The deferred consent step (`consent-timing="submit"`), shown after the destination qualified the lead. */
  readonly consentStep: boolean;
}

export interface StepsOptions {
  readonly config: () => LeadCaptureConfig;
  readonly fields: FieldsController;
  readonly consent: ConsentController;
  readonly delivery: DeliveryController;
}

/**
 * Which screen the person is on, and what Submit does there: check what the screen shows, then send.
 * Today a form is one screen, followed (for two-step destinations with deferred consent) by the
 * consent step once the destination qualified the lead. Multi-step forms (`steps`, DESIGN.md
 * "Questions and steps") grow here.
 */
export class StepsController implements ReactiveController {
  #focusHeading = false;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly options: StepsOptions,
  ) {
    host.addController(this);
  }

  /** Puts the person on the heading of the step just shown (the consent step), once it is on screen. */
  hostUpdated(): void {
    if (!this.#focusHeading) return;
    this.#focusHeading = false;
    this.host.querySelector<HTMLElement>('.lc-step-title')?.focus();
  }

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

  /** The form's fields, or on the consent step the mobile number to confirm. */
  get screen(): Screen {
    const config = this.options.config();
    const consentStep = this.onConsentStep;
    return {
      fields: consentStep ? ['mobile'] : config.fields,
      required: consentStep ? ['mobile'] : config.required,
      consent: this.options.consent.asked(config.consent) && (config.consentTiming === 'create' || consentStep),
      consentStep,
    };
  }

  /** Validates this screen and sends, exactly as pressing Submit does. */
  async submit(): Promise<void> {
    const { fields, delivery } = this.options;
    if (delivery.busy || delivery.done) return;
    fields.submitted = true;
    const screen = this.screen;
    if (screen.consentStep) {
      const mobile = fields.checkRequired('mobile');
      const errors = { ...this.#consentError(screen), ...(mobile.ok ? {} : { mobile: mobile.error }) };
      if (!mobile.ok || Object.keys(errors).length > 0) return this.#refuse(errors);
      fields.errors = {};
      if (!this.#consentWasVisible(screen)) return;
      return delivery.sendConsentStep(mobile.value);
    }
    const validation = fields.checkLead();
    if (!validation) return;
    const errors = { ...(validation.ok ? {} : validation.errors), ...this.#consentError(screen) };
    if (!validation.ok || Object.keys(errors).length > 0) return this.#refuse(errors);
    fields.errors = {};
    if (screen.fields.includes('email') && (await this.#offerSuggestion())) return;
    if (!this.#consentWasVisible(screen)) return;
    return delivery.send(validation.lead);
  }

  /**
   * A likely typo in the email ("jane@yahoo.con"), shown once before anything is sent, with its
   * button in focus: the person takes it, or presses Submit again to send what they typed.
   */
  async #offerSuggestion(): Promise<boolean> {
    if (this.options.fields.offerSuggestion() === undefined) return false;
    await this.host.updateComplete;
    this.host.querySelector<HTMLElement>('.lc-use-suggestion')?.focus();
    return true;
  }

  /**
   * Consent that was never visible is not consent: a box the person checked beside a disclosure the
   * page's CSS hid, shrank or faded is refused, with the rule named for the page's developers.
   */
  #consentWasVisible(screen: Screen): boolean {
    const { consent, delivery } = this.options;
    if (!screen.consent || !consent.given()) return true;
    const problems = consent.visibilityProblems();
    if (problems.length === 0) return true;
    const rules = describeProblems(problems);
    console.error(`<lead-capture>: consent not sent: it must be clear and conspicuous, and on this page it was not: ${rules}`);
    const message = stringsFor(this.options.config()).consentNotShown;
    delivery.alert = message;
    const outcome = { status: 'rejected', retryable: false, code: 'consent_not_visible', message: rules } as const;
    this.host.dispatchEvent(new LeadErrorEvent({ stage: 'consent', retryable: false, message, outcome }));
    return false;
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
    const summary = this.host.querySelector<HTMLElement>('.lc-error-summary');
    summary?.focus({ preventScroll: true });
    summary?.scrollIntoView({ block: 'start' });
    this.host.dispatchEvent(new LeadInvalidEvent({ errors, messages }));
  }

  /** The heading of a step that is not the form itself (the consent step). */
  renderHeader(strings: UiStrings): TemplateResult | typeof nothing {
    if (!this.onConsentStep) return nothing;
    return html`<div class="lc-step">
      <h2 class="lc-step-title" tabindex="-1">${strings.consentStepTitle}</h2>
      <p class="lc-step-intro">${strings.consentStepIntro}</p>
    </div>`;
  }
}
