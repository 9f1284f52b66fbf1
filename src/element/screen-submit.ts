import type { FieldErrorCode } from '../fields/error-codes.js';
import { LeadInvalidEvent } from './events.js';
import { CONSENT } from './field-errors.js';
import type { Screen, StepsHost, StepsOptions, StepsPosition } from './steps-controller.js';

/**
 * What pressing Submit does on the screen shown (steps-controller.ts): move on to the next step,
 * refuse with the problems, or send. Only a Submit needs it, and a Submit waits for delivery: so it
 * comes with the delivery chunk (src/chunks/delivery.ts), not the first one.
 */
export class ScreenSubmit {
  /** The press of Submit being checked: another press meanwhile joins it (`submit()`). */
  #pressed: Promise<void> | undefined;

  constructor(
    private readonly host: StepsHost,
    private readonly options: StepsOptions,
    private readonly steps: StepsPosition,
  ) {}

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
    const screen = this.steps.screen;
    if (!screen.consentStep && !this.steps.onLastStep) return this.#checkStep(screen);
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
      this.steps.forget();
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
      this.steps.go(this.steps.current + 1);
    };
  }

  /** On the last step, a problem on an earlier one takes the person back there, to that problem. */
  async #refuseFromEarliest(errors: Partial<Record<string, FieldErrorCode>>): Promise<void> {
    const { steps, current } = this.steps;
    const earliest = steps.findIndex((step) => step.some((name) => errors[name] !== undefined));
    if (steps.length <= 1 || earliest < 0 || earliest >= current) return this.#refuse(errors);
    this.steps.go(earliest, false);
    const step = steps[earliest] ?? [];
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
}
