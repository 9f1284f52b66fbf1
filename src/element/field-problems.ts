import { nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { isFieldKey, type FieldKey } from '../fields/keys.js';
import type { FieldErrorCode } from '../fields/error-codes.js';
import { errorMessage } from '../fields/messages/compose.js';
import type { DatePart, FieldMessages } from '../fields/messages/types.js';
import type { LeadValidation, LeadValidator } from '../fields/validate.js';
import type { ValidationChunk } from './chunks.js';
import type { LeadCaptureConfig } from './config.js';
import type { ConsentController } from './consent-controller.js';
import type { MemorableDateField } from './date-field.js';
import { dateOfBirthPart } from './date-of-birth-part.js';
import { usStatesPart } from './us-states-part.js';
import { NO_QUESTIONS, questionsPart, type QuestionAsker } from './questions-part.js';
import { CONSENT, requiredValue, withDateProblem, type FieldErrorMap } from './field-errors.js';
import { errorSummaryTemplate, type SummaryItem } from './error-summary.js';
import type { Screen } from './steps-controller.js';
import { fieldWordsFor, stringsFor } from './locales.js';
import type { UiStrings } from './strings/types.js';

/** The element as the fields see it: where the values live. */
export interface FieldsHost extends ReactiveControllerHost, HTMLElement {
  values: Record<string, string>;
}

export interface FieldsOptions {
  readonly config: () => LeadCaptureConfig;
  readonly screen: () => Screen;
  readonly consent: ConsentController;
  /** Work that finishes the update later (a chunk still to arrive): the element's `updateComplete` waits for it. */
  readonly track?: (work: Promise<unknown>) => void;
}

/**
 * What is wrong with the fields, and how it is said: the rules and the words the configuration gives
 * them (rebuilt before a render when it changes; the rules once the validation chunk is here), the
 * page's own questions and the date of birth's boxes, the problems found, a destination's own words
 * for a field it refused, and the error summary. The fields controller (fields-controller.ts) builds
 * on it with what the person does: typing, leaving a field, and the checks these make.
 */
export class FieldProblems {
  #errors: FieldErrorMap = {};
  /** A destination's own words for a field it refused, shown until the person changes the field. */
  #reasons: Partial<Record<string, string>> = {};
  /** The error summary shows from a refused Submit until every error in it is fixed. */
  #summary = false;
  /** The page's own questions, asked beside the catalogue fields (the questions chunk's, when the form has any). */
  protected questions: QuestionAsker = NO_QUESTIONS;
  /** The date of birth's three boxes (the date-of-birth chunk's), once the form asks for it: kept, with what was typed, across changes. */
  protected date: MemorableDateField | undefined;
  protected validator: LeadValidator | undefined;
  protected validation: ValidationChunk | undefined;
  #messages: FieldMessages | undefined;
  #configuredFor: LeadCaptureConfig | undefined;

  constructor(
    protected readonly host: FieldsHost,
    protected readonly options: FieldsOptions,
  ) {}

  get errors(): FieldErrorMap {
    return this.#errors;
  }
  set errors(errors: FieldErrorMap) {
    this.#errors = errors;
    this.#reasons = Object.fromEntries(Object.entries(this.#reasons).filter(([key]) => errors[key] !== undefined));
    if (Object.keys(errors).length === 0) this.#summary = false;
    this.host.requestUpdate();
  }

  /** Whether the rules have arrived. */
  get validating(): boolean {
    return this.validation !== undefined;
  }

  /** The validation chunk is here: the rules are built now. */
  protected rulesArrived(validation: ValidationChunk): void {
    this.validation = validation;
    this.#configuredFor = undefined;
    this.hostUpdate();
  }

  /** Rebuilds the rules and the words before rendering, when the configuration is a new one. */
  hostUpdate(): void {
    const config = this.options.config();
    if (config === this.#configuredFor) return;
    this.#configuredFor = config;
    this.#messages = fieldWordsFor(config);
    // A configuration with questions was resolved with the questions chunk, so the chunk is here.
    const part = questionsPart();
    const asked = part && config.questions.length > 0 ? new part.QuestionFields() : undefined;
    const questions = asked?.configure(config) ?? [];
    this.questions = asked ?? NO_QUESTIONS;
    // Likewise a form with a date of birth renders only once its chunk is here.
    const date = dateOfBirthPart();
    if (date && config.fields.includes('date_of_birth')) this.date ??= new date.MemorableDateField('date_of_birth');
    const validation = this.validation;
    if (!validation) return;
    // And a form with a state once the states' list is here: a form without one has no state to read.
    this.validator = validation.leadValidatorWith(usStatesPart()?.toUsStateCode ?? (() => undefined), {
      fields: config.fields.filter(isFieldKey),
      required: config.required,
      questions,
      country: config.country,
      minAge: config.minAge,
      today: validation.localIsoDate(new Date()),
    });
  }

  protected get words(): FieldMessages {
    return (this.#messages ??= fieldWordsFor(this.options.config()));
  }

  protected get strings(): UiStrings {
    return stringsFor(this.options.config());
  }

  /** The whole lead: only the fields the form shows, so values typed before `fields` changed are not sent. */
  checkLead(): LeadValidation | undefined {
    const fields = this.options.config().fields;
    const values = Object.fromEntries(fields.map((key) => [key, this.host.values[key] ?? '']));
    return withDateProblem(this.validator?.lead(values), fields.includes('date_of_birth') ? this.dateProblem() : undefined);
  }

  /** One field that must be filled, with its normalised value. */
  checkRequired(key: FieldKey): { ok: true; value: string } | { ok: false; error: FieldErrorCode } {
    return requiredValue(this.validator?.field(key, this.host.values[key] ?? ''));
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

  /** Shows the errors with the summary above them (a refused Submit). */
  showSummary(errors: FieldErrorMap): void {
    this.errors = errors;
    this.#summary = Object.keys(errors).length > 0;
  }

  /** A destination refused these fields, in its own words: shown at each field as it said them. */
  showReasons(reasons: Readonly<Record<string, string>>, codes: FieldErrorMap): void {
    this.errors = codes;
    this.#reasons = { ...reasons };
  }

  /** Forgets the errors, ready for another person. */
  reset(): void {
    this.errors = {};
    this.#reasons = {};
  }

  /** The person changed the field: a destination's words about it no longer apply. */
  protected forgetReason(key: string): void {
    if (this.#reasons[key] !== undefined) delete this.#reasons[key];
  }

  #messageFor(key: string, code: FieldErrorCode): string {
    const config = this.options.config();
    if (key === CONSENT) return config.sellers.length > 1 ? this.strings.consentRequiredSellers : this.strings.consentRequired;
    const reason = this.#reasons[key];
    if (reason !== undefined) return reason;
    if (key === 'date_of_birth') {
      const date = this.dateProblem();
      if (date) return date.message;
    }
    const question = this.questions.message(this.words, key, code, config.locale);
    return question ?? errorMessage(this.words, key, code, { minAge: config.minAge, country: config.country });
  }

  protected dateProblem() {
    return this.date?.problem(this.words, this.options.config().minAge);
  }

  /** The date's boxes in error, for their markup. */
  protected invalidParts(): readonly DatePart[] {
    if (this.#errors['date_of_birth'] === undefined) return [];
    return this.date?.invalidParts(this.words, this.options.config().minAge) ?? [];
  }

  /** The summary of the problems, linking to each control, while it is showing. */
  renderSummary(screen: Screen, idPrefix: string): TemplateResult | typeof nothing {
    if (!this.#summary) return nothing;
    const items: SummaryItem[] = [];
    for (const key of screen.fields) {
      if (this.#errors[key] === undefined) continue;
      // A link to the date reaches its first box in error.
      const id = `${idPrefix}-${key}`;
      const target = key === 'date_of_birth' ? this.date?.firstInvalidBox(id, this.words, this.options.config().minAge) : undefined;
      items.push({ target: target ?? this.questions.target(key, id), text: this.errorFor(key) });
    }
    if (this.#errors[CONSENT] !== undefined) {
      items.push({ target: this.options.config().sellers.length > 1 ? `${idPrefix}-consent-1` : `${idPrefix}-consent`, text: this.errorFor(CONSENT) });
    }
    return errorSummaryTemplate(`${idPrefix}-summary`, this.strings.errorSummaryTitle, items);
  }
}
