import { html, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { DATE_PARTS, dateProblem, readDateParts, splitIsoDate, type DateParts, type DateProblem } from '../fields/memorable-date.js';
import type { FieldKey } from '../fields/keys.js';
import type { DatePart, FieldMessages } from '../fields/messages/index.js';
import { requiredMarkTemplate } from './field-template.js';

/** The boxes' names: the field's key and the part, so a page's script can still find them by name. */
export function partName(key: string, part: DatePart): string {
  return `${key}-${part}`;
}

/** The id of a part's box; the month's is the field's own id, where labels and the error summary point. */
export function partId(id: string, part: DatePart): string {
  return part === 'month' ? id : `${id}-${part}`;
}

/** The part of the date of birth whose box has this name, or undefined for any other control. */
export function datePartNamed(name: string): DatePart | undefined {
  return new MemorableDateField('date_of_birth').partNamed(name);
}

const AUTOCOMPLETE: Readonly<Record<DatePart, string>> = { month: 'bday-month', day: 'bday-day', year: 'bday-year' };

/**
 * The date of birth as the GOV.UK memorable-date pattern asks it: three text boxes (month, day,
 * year) in a fieldset, with a hint, instead of a date picker that makes people scroll back decades.
 * Holds what is typed in the boxes; the element's `values` carries the ISO date they make.
 */
export class MemorableDateField {
  constructor(private readonly key: FieldKey) {}

  #parts: DateParts = { month: '', day: '', year: '' };
  /** The ISO date the boxes last made (or were filled from), to notice a value set from outside. */
  #iso = '';

  /** The part of this date whose box has this name, or undefined for any other control. */
  partNamed(name: string): DatePart | undefined {
    return DATE_PARTS.find((part) => name === partName(this.key, part));
  }

  /** What a box's new text makes of the whole: the value for `values` ('' until it is a whole date). */
  input(part: DatePart, text: string): string {
    this.#parts = { ...this.#parts, [part]: text };
    const reading = readDateParts(this.#parts);
    this.#iso = reading.kind === 'date' ? reading.iso : '';
    return this.#iso;
  }

  /** The problem the boxes show by themselves (a missing month, a two-digit year), before any rule. */
  problem(messages: FieldMessages, minAge: number): DateProblem | undefined {
    const params = { key: this.key, label: messages.labels[this.key], maxLength: 10, minAge };
    return dateProblem(readDateParts(this.#parts), messages, params);
  }

  /** The boxes to mark when the field has an error: those the boxes' own problem names, else all three. */
  invalidParts(messages: FieldMessages, minAge: number): readonly DatePart[] {
    return this.problem(messages, minAge)?.parts ?? DATE_PARTS;
  }

  /** The id of the first box to mark, where the error summary's link goes (`id` is the field's). */
  firstInvalidBox(id: string, messages: FieldMessages, minAge: number): string {
    return partId(id, this.invalidParts(messages, minAge)[0] ?? 'month');
  }

  /** Whether any box has text in it. */
  get touched(): boolean {
    return DATE_PARTS.some((part) => this.#parts[part].trim() !== '');
  }

  clear(): void {
    this.#parts = { month: '', day: '', year: '' };
    this.#iso = '';
  }

  /** Takes a value set from outside (a page's `values`, a reset), read as an ISO date, into the boxes. */
  #follow(iso: string): void {
    if (iso === this.#iso) return;
    this.#parts = splitIsoDate(iso);
    this.#iso = iso;
  }

  render(view: {
    readonly key: FieldKey;
    readonly id: string;
    readonly label: string;
    /** The field's value read as an ISO date (normalise.ts's `isoDate`: a page's "4/23/1985" is one). */
    readonly value: string;
    readonly required: boolean;
    readonly messages: FieldMessages;
    readonly error: string;
    /** The boxes to mark invalid. */
    readonly invalid: readonly DatePart[];
  }): TemplateResult {
    this.#follow(view.value);
    const { id, messages } = view;
    const describedBy = [`${id}-hint`, view.error === '' ? '' : `${id}-error`].filter(Boolean).join(' ');
    const box = (part: DatePart) => html`<div class="lc-date-part ${part === 'year' ? 'lc-date-year' : ''}">
      <label class="lc-date-label" for=${partId(id, part)}>${messages.date[part]}</label>
      <input
        class="lc-input lc-date-input"
        id=${partId(id, part)}
        name=${partName(view.key, part)}
        type="text"
        inputmode="numeric"
        autocomplete=${AUTOCOMPLETE[part]}
        maxlength=${part === 'year' ? 4 : 9}
        ?required=${view.required}
        aria-invalid=${view.invalid.includes(part) ? 'true' : 'false'}
        .value=${live(this.#parts[part])}
      />
    </div>`;
    return html`<fieldset class="lc-field lc-field--${view.key} lc-field--wide lc-date" role="group" aria-describedby=${describedBy}>
      <legend class="lc-label">${view.label}${requiredMarkTemplate(view.required, messages.requiredMark(view.key))}</legend>
      <p class="lc-date-hint" id="${id}-hint">${messages.date.hint}</p>
      <p class="lc-error" id="${id}-error">${view.error}</p>
      <div class="lc-date-parts">${DATE_PARTS.map(box)}</div>
    </fieldset>`;
  }
}
