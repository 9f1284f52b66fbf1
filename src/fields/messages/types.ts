import type { FieldKey } from '../keys.js';
import type { PhoneCountry } from '../phone.js';
import type { FieldErrorCode } from '../rules.js';
import type { CharacterKind } from './kinds.js';

/** What an error message may mention besides the field's own label. */
export interface MessageParams {
  /** The catalogue field the message is about; absent for an envelope path (`tracking.utm_source`). */
  readonly key?: FieldKey;
  readonly label: string;
  readonly maxLength: number;
  readonly minAge: number;
  /** A number question's bounds, already formatted for the locale ("25,000"). */
  readonly min?: string;
  readonly max?: string;
  /** The phone numbering region the form takes numbers from (US when not said). */
  readonly country?: PhoneCountry;
  /** What characters the value had to be made of, when the key alone does not say (a question's answer). */
  readonly kind?: CharacterKind;
  /**
   * How a page's own question is answered, for its `required` message: typed (`text`), chosen from
   * options (`choice`), or a box ticked (`tick`). Absent for catalogue fields.
   */
  readonly question?: 'text' | 'choice' | 'tick';
}

/** The words of the memorable-date pattern: three boxes (month, day, year) for one date. */
export interface DateWords {
  readonly month: string;
  readonly day: string;
  readonly year: string;
  /** The hint under the legend, with an example in the boxes' own order. */
  readonly hint: string;
  /** "Date of birth must include a month" / "… a day and year". */
  readonly missing: (params: DateParams, parts: readonly DatePart[]) => string;
  /** A year typed with fewer or more than 4 digits. */
  readonly yearDigits: (params: DateParams) => string;
}

export type DatePart = 'month' | 'day' | 'year';

/** The date field a memorable-date message is about. */
export type DateParams = Pick<MessageParams, 'key' | 'label'>;

/**
 * One locale's words for the fields: every label, every error code and the "(required)" mark,
 * checked by the compiler. Messages follow GOV.UK's: say what is wrong and how to fix it, no full stop.
 */
export interface FieldMessages {
  readonly labels: Readonly<Record<FieldKey, string>>;
  readonly errors: Readonly<Record<FieldErrorCode, (params: MessageParams) => string>>;
  /** Shown after a required field's label: Spanish agrees it with the label ("(obligatoria)" after "Ciudad"). */
  readonly requiredMark: (key?: FieldKey) => string;
  readonly date: DateWords;
}
