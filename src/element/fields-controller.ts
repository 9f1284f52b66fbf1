import { html, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { FIELD_CATALOGUE } from '../fields/catalogue.js';
import { suggestEmail } from '../fields/email-typos.js';
import { isFieldKey, type FieldKey } from '../fields/keys.js';
import { errorMessage, fieldMessages, type FieldMessages } from '../fields/messages/index.js';
import { formatPhoneAsYouType } from '../fields/phone.js';
import type { FieldErrorCode } from '../fields/rules.js';
import { createLeadValidator, localIsoDate, type LeadValidation, type LeadValidator } from '../fields/validate.js';
import type { LeadCaptureConfig } from './config.js';
import type { ConsentController } from './consent-controller.js';
import { fieldTemplate } from './field-template.js';
import type { Screen } from './steps-controller.js';
import { UI_STRINGS, type UiStrings } from './strings/index.js';

/** The key under which a consent problem is reported beside the field errors. */
export const CONSENT = 'consent';

/** What people type into a phone field: digits (any width), spaces and the usual punctuation. */
const PHONE_CHARACTERS = /^[\p{Nd}\s()+.-]*$/u;

export type FieldErrorMap = Partial<Record<string, FieldErrorCode>>;

/** The element as the fields see it: where the values live. */
export interface FieldsHost extends ReactiveControllerHost, HTMLElement {
  values: Record<string, string>;
}

export interface FieldsOptions {
  readonly config: () => LeadCaptureConfig;
  readonly screen: () => Screen;
  readonly consent: ConsentController;
}

/**
 * The fields' values and their validation: formats phone numbers as typed, checks a field when the
 * person leaves it (and again as they fix it), offers email corrections, and names each problem in
 * the page's language. The values themselves are the element's `values` property.
 */
export class FieldsController implements ReactiveController {
  /** Once the person has pressed Submit, every field is checked as they leave it, empty or not. */
  submitted = false;
  #errors: FieldErrorMap = {};
  /** A likely correction of the email typed ("gmial.com"), offered under the field. */
  #emailSuggestion: string | undefined;
  #validator: LeadValidator | undefined;
  #messages: FieldMessages = fieldMessages('en');
  #configuredFor: LeadCaptureConfig | undefined;

  constructor(
    private readonly host: FieldsHost,
    private readonly options: FieldsOptions,
  ) {
    host.addController(this);
  }

  get errors(): FieldErrorMap {
    return this.#errors;
  }
  set errors(errors: FieldErrorMap) {
    this.#errors = errors;
    this.host.requestUpdate();
  }

  /** Rebuilds the rules and the words before rendering, when the configuration is a new one. */
  hostUpdate(): void {
    const config = this.options.config();
    if (config === this.#configuredFor) return;
    this.#configuredFor = config;
    this.#messages = fieldMessages(config.locale, config.messages);
    this.#validator = createLeadValidator({
      fields: config.fields,
      required: config.required,
      country: config.country,
      minAge: config.minAge,
      today: localIsoDate(new Date()),
    });
  }

  /** The whole lead: only the fields the form shows, so values typed before `fields` changed are not sent. */
  checkLead(): LeadValidation | undefined {
    const values = Object.fromEntries(this.options.config().fields.map((key) => [key, this.host.values[key] ?? '']));
    return this.#validator?.lead(values);
  }

  /** One field that must be filled, with its normalised value. */
  checkRequired(key: FieldKey): { ok: true; value: string } | { ok: false; error: FieldErrorCode } {
    const result = this.#validator?.field(key, this.host.values[key] ?? '');
    if (!result?.ok) return { ok: false, error: result?.error ?? 'required' };
    return result.value === undefined ? { ok: false, error: 'required' } : { ok: true, value: result.value };
  }

  /** The message shown for each problem. */
  messagesFor(errors: FieldErrorMap): Record<string, string> {
    return Object.fromEntries(Object.entries(errors).map(([key, code]) => [key, this.#messageFor(key, code ?? 'characters')]));
  }

  /** The message under a field (or the consent), or empty. */
  errorFor(key: string): string {
    const code = this.#errors[key];
    return code === undefined ? '' : this.#messageFor(key, code);
  }

  /** Forgets the errors and what was typed about them, ready for another person. */
  reset(): void {
    this.errors = {};
    this.#emailSuggestion = undefined;
    this.submitted = false;
  }

  #messageFor(key: string, code: FieldErrorCode): string {
    const config = this.options.config();
    const strings = UI_STRINGS[config.locale];
    if (key === CONSENT) return config.sellers.length > 1 ? strings.consentRequiredSellers : strings.consentRequired;
    return errorMessage(this.#messages, key, code, { minAge: config.minAge, country: config.country });
  }

  #validateOne(key: FieldKey): void {
    const required = this.options.screen().required.includes(key);
    const raw = this.host.values[key] ?? '';
    const result = raw.trim() === '' && required ? { ok: false as const, error: 'required' as const } : this.#validator?.field(key, raw);
    const errors = { ...this.#errors };
    if (!result || result.ok) delete errors[key];
    else errors[key] = result.error;
    this.errors = errors;
    if (key === 'email') this.#emailSuggestion = result?.ok && result.value ? suggestEmail(result.value) : undefined;
  }

  /** Puts the suggested address in the email field, as if the person had typed it. */
  readonly handleUseSuggestion = (): void => {
    if (!this.#emailSuggestion) return;
    this.host.values = { ...this.host.values, email: this.#emailSuggestion };
    this.#emailSuggestion = undefined;
    this.host.querySelector<HTMLInputElement>('input[name="email"]')?.focus();
  };

  readonly handleInput = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'checkbox') {
      this.options.consent.handleChange(event);
      if (this.#errors[CONSENT] !== undefined && this.options.consent.given()) {
        const { [CONSENT]: _fixed, ...rest } = this.#errors;
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
      value = formatPhoneAsYouType(value, this.options.config().country);
    }
    this.host.values = { ...this.host.values, [key]: value };
    if (key === 'email') this.#emailSuggestion = undefined;
    // Once an error is showing, re-check as the person types so it clears the moment it is fixed.
    if (this.#errors[key] !== undefined) this.#validateOne(key);
  };

  readonly handleFocusOut = (event: FocusEvent): void => {
    const target = event.target;
    if (!(target instanceof HTMLElement) || !('name' in target)) return;
    const key = String(target.name);
    if (!isFieldKey(key)) return;
    if ((this.host.values[key] ?? '').trim() !== '' || this.submitted) this.#validateOne(key);
  };

  /** The fields on this screen, each labelled, with its error and (for the email) a suggestion. */
  render(screen: Screen, idPrefix: string): TemplateResult[] {
    const strings = UI_STRINGS[this.options.config().locale];
    return screen.fields.map((key) =>
      fieldTemplate({
        key,
        id: `${idPrefix}-${key}`,
        label: this.#messages.labels[key],
        required: screen.required.includes(key),
        requiredMark: this.#messages.requiredMark(key),
        chooseLabel: strings.choose,
        value: this.host.values[key] ?? '',
        error: this.errorFor(key),
        ...(key === 'email' && this.#emailSuggestion ? { hint: this.#suggestionTemplate(strings, this.#emailSuggestion) } : {}),
      }),
    );
  }

  #suggestionTemplate(strings: UiStrings, suggestion: string): TemplateResult {
    return html`${strings.didYouMean(suggestion)}<button class="lc-link-button" type="button" @click=${this.handleUseSuggestion}>
        ${strings.useSuggestion}
      </button>`;
  }
}
