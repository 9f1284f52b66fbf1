import { html, type ReactiveController, type TemplateResult } from 'lit';
import { FIELD_CATALOGUE } from '../fields/catalogue.js';
import { isFieldKey } from '../fields/keys.js';
import { isoDate } from '../fields/normalise.js';
import { wrongBeforeRules } from './browser-email-check.js';
import type { ValidationChunk } from './chunks.js';
import { EmailSuggestion } from './email-suggestion.js';
import { formatWhileTyping } from './phone-typing.js';
import { CONSENT, type FieldErrorMap } from './field-errors.js';
import { FieldProblems, type FieldsHost, type FieldsOptions } from './field-problems.js';
import { fieldTemplate } from './field-template.js';
import type { Screen } from './steps-controller.js';
import { usStatesPart } from './us-states-part.js';

export { CONSENT, type FieldErrorMap, type FieldsHost, type FieldsOptions };

/**
 * The fields' values and their validation: formats phone numbers as typed and on leaving the field,
 * checks a field when the person leaves it (and again as they fix it), offers email corrections, and
 * renders the fields; what is wrong and how it is said (the rules, the words, the errors, the
 * summary) is field-problems.ts. The values themselves are the element's `values` property.
 *
 * The rules arrive in the validation chunk, just after the form first renders (`arrive`). Until then
 * typing works as ever (phone numbers are formatted without the rules), a field left before they
 * arrive is remembered and checked the moment they do, and an email address the browser itself
 * refuses is said to be wrong at once (`#checkEarly`).
 */
export class FieldsController extends FieldProblems implements ReactiveController {
  /** Once the person has pressed Submit, every field is checked as they leave it, empty or not. */
  submitted = false;
  /** A likely correction of the email typed ("gmial.com", "jane doe@…"), offered under the field. */
  readonly #suggestion = new EmailSuggestion();
  /** Fields left before the rules arrived, checked when they do. */
  readonly #unchecked = new Set<string>();
  /** Whether the element is rendering (`rendering`). */
  #rendering = false;

  constructor(host: FieldsHost, options: FieldsOptions) {
    super(host, options);
    host.addController(this);
  }

  /**
   * Runs the element's render. A focused field the render takes away (the next step, the consent
   * step) gets a focusout as it goes: that is not the person leaving it, so it is not judged (and
   * the render asks for no second one).
   */
  rendering(render: () => void): void {
    this.#rendering = true;
    try {
      render();
    } finally {
      this.#rendering = false;
    }
  }

  /** The validation chunk is here: the rules are built, and every field left before it came is checked now. */
  arrive(validation: ValidationChunk): void {
    this.rulesArrived(validation);
    const unchecked = [...this.#unchecked];
    this.#unchecked.clear();
    for (const key of unchecked) this.#leave(key);
    this.host.requestUpdate();
  }

  /** Forgets the errors and what was typed about them, ready for another person. */
  override reset(): void {
    super.reset();
    this.#suggestion.clear();
    this.date?.clear();
    this.submitted = false;
  }

  /**
   * An email correction not yet offered for this address: shown (once) before the lead is sent, so
   * a slip typed and submitted with Enter still gets its one chance. Undefined when there is none.
   */
  async offerSuggestion(): Promise<string | undefined> {
    const email = this.checkRequired('email');
    const suggestion = email.ok ? await this.#suggestion.offerBeforeSending(email.value) : undefined;
    if (suggestion !== undefined) this.host.requestUpdate();
    return suggestion;
  }

  #validateOne(key: string): void {
    if (!this.validator) return this.#checkEarly(key);
    const required = this.options.screen().required.includes(key);
    const raw = this.host.values[key] ?? '';
    const date = key === 'date_of_birth' ? this.dateProblem() : undefined;
    const result = date
      ? { ok: false as const, error: date.code }
      : raw.trim() === '' && required ? { ok: false as const, error: 'required' as const } : this.validator?.field(key, raw);
    const errors = { ...this.errors };
    if (!result || result.ok) delete errors[key];
    else errors[key] = result.error;
    this.errors = errors;
    if (key !== 'email') return;
    const later = this.#suggestion.afterCheck(raw, result, (email) => this.validator?.field('email', email).ok === true);
    if (later) this.options.track?.(later.then(() => this.host.requestUpdate()));
  }

  /** Puts the suggested address in the email field, as if the person had typed it. */
  readonly handleUseSuggestion = (): void => {
    const suggestion = this.#suggestion.take();
    if (suggestion === undefined) return;
    this.#changed('email', suggestion);
    this.host.querySelector<HTMLInputElement>(':scope > form.lc-form input[name="email"]')?.focus();
  };

  readonly handleInput = (event: Event): void => {
    const target = event.target;
    if (target instanceof HTMLInputElement && target.type === 'checkbox' && target.name === CONSENT) {
      this.options.consent.handleChange(event);
      if (this.errors[CONSENT] !== undefined && this.options.consent.given()) {
        const { [CONSENT]: _fixed, ...rest } = this.errors;
        this.errors = rest;
      }
      return;
    }
    if (!(target instanceof HTMLInputElement || target instanceof HTMLSelectElement || target instanceof HTMLTextAreaElement)) return;
    this.#typed(target, (event as InputEvent).inputType?.startsWith('delete') ?? false);
  };

  /**
   * What a person gave in the page's prerendered form before the widget arrived, taken as if typed
   * here (a phone number formatted, an error re-checked); `left` when they had moved on from it, which
   * is then checked as a field left is.
   */
  take(control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, left: boolean): void {
    this.#typed(control, false);
    if (left) this.#left(control.name);
  }

  #typed(target: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement, deleting: boolean): void {
    const datePart = this.date?.partNamed(target.name);
    if (this.date && datePart) return this.#changed('date_of_birth', this.date.input(datePart, target.value));
    const answer = this.questions.answerOf(target);
    if (answer !== undefined) return this.#changed(target.name, answer);
    const key = target.name;
    if (!isFieldKey(key)) return;
    let value = target.value;
    if (FIELD_CATALOGUE[key].control === 'tel') {
      const atEnd = target instanceof HTMLInputElement && target.selectionStart === value.length;
      value = formatWhileTyping(value, atEnd, deleting, this.options.config().country);
    }
    if (key === 'email') {
      this.#suggestion.hide();
      // The typo table comes once someone types an address, in time for them to leave the field.
      this.options.track?.(this.#suggestion.load().catch(() => undefined));
    }
    this.#changed(key, value);
  }

  #changed(key: string, value: string): void {
    this.host.values = { ...this.host.values, [key]: value };
    this.forgetReason(key);
    // Once an error is showing, re-check as the person types so it clears the moment it is fixed.
    if (this.errors[key] !== undefined) this.#validateOne(key);
  }

  readonly handleFocusOut = (event: FocusEvent): void => {
    if (this.#rendering) return;
    const target = event.target;
    if (!(target instanceof HTMLElement) || !('name' in target)) return;
    const name = String(target.name);
    const next = event.relatedTarget as Element | null;
    // Leaving for Submit: Submit judges every field. A message shown now would push the button away
    // between the press and the release, and the click would be lost.
    if (next?.matches?.('button[type="submit"]')) return;
    // The date is one field in three boxes: judged when the person leaves the last box they touch.
    if (this.date?.partNamed(name) && next?.closest?.('.lc-date') === target.closest('.lc-date')) return;
    this.#left(name);
  };

  /** A field the person moved on from: checked now, or the moment the rules arrive. */
  #left(name: string): void {
    const key = this.date?.partNamed(name) ? 'date_of_birth' : name;
    if (!isFieldKey(key) && !this.questions.has(key)) return;
    // Left before the rules arrived: judged the moment they do, as if on leaving.
    if (!this.validation) this.#checkEarly(key);
    else this.#leave(key);
  }

  /**
   * A field checked before the rules arrived: judged the moment they do. An email address the browser
   * refuses is wrong whatever the rules say (they are never looser), so that is shown now, and
   * cleared as soon as what is typed no longer is: on a slow network the person is not left waiting
   * for the rules to hear that "jane@" is not an address. What the browser accepts waits for them,
   * and so does a value of white space only: the browser keeps a non-ASCII space (U+3000) and refuses
   * it, where the rules read the field as empty.
   */
  #checkEarly(key: string): void {
    this.#unchecked.add(key);
    if (key !== 'email') return;
    const value = this.host.values['email'] ?? '';
    const { email: _shown, ...rest } = this.errors;
    this.errors = wrongBeforeRules(value) ? { ...rest, email: 'email' } : rest;
  }

  /** What leaving a field does once the rules are here: a phone number written the one way, then the check. */
  #leave(key: string): void {
    const validation = this.validation;
    if (!validation) return;
    if (isFieldKey(key) && FIELD_CATALOGUE[key].control === 'tel') {
      // A whole, valid number is written the one national way on leaving the field, whatever edits made it.
      const value = this.host.values[key] ?? '';
      const formatted = validation.formatOnLeave(value, this.options.config().country);
      if (formatted !== value) this.host.values = { ...this.host.values, [key]: formatted };
    }
    const touched = key === 'date_of_birth' && this.date ? this.date.touched : (this.host.values[key] ?? '').trim() !== '';
    // A field showing an error is checked again, whatever it holds, so nothing said before the rules outlives them.
    if (touched || this.submitted || this.errors[key] !== undefined) this.#validateOne(key);
  }

  /** The fields on this screen, each labelled, with its error and (for the email) a suggestion. */
  render(screen: Screen, idPrefix: string): TemplateResult[] {
    const strings = this.strings;
    const country = this.options.config().country;
    return screen.fields.map((key) => {
      const id = `${idPrefix}-${key}`;
      const required = screen.required.includes(key);
      const value = this.host.values[key] ?? '';
      const error = this.errorFor(key);
      const question = this.questions.render(key, { id, required, value, error, messages: this.words, strings, locale: this.options.config().locale });
      if (question || !isFieldKey(key)) return question ?? html``;
      if (FIELD_CATALOGUE[key].control === 'date') {
        // Read as a date here, with the rules' own reading: the rules share normalise.ts with the first chunk, not the date's.
        const messages = this.words;
        return this.date?.render({ key, id, label: messages.labels[key], value: isoDate(value), required, messages, error: this.errorFor(key), invalid: this.invalidParts() }) ?? html``;
      }
      return fieldTemplate({
        key,
        id,
        label: this.words.labels[key],
        required,
        requiredMark: this.words.requiredMark(key),
        chooseLabel: strings.choose,
        // A form with a state renders only once their chunk is here (render-parts-controller.ts).
        options: key === 'state' ? usStatesPart()?.US_STATE_OPTIONS : undefined,
        value: FIELD_CATALOGUE[key].control === 'tel' && this.validation ? this.validation.displayPhone(value, country) : value,
        error,
        ...(key === 'email' && this.#suggestion.showing ? { hint: this.#suggestion.template(strings, this.handleUseSuggestion) } : {}),
      });
    });
  }
}
