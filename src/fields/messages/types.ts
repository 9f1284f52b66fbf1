import type { FieldKey } from '../keys.js';
import type { FieldErrorCode } from '../rules.js';

/** What an error message may mention besides the field's own label. */
export interface MessageParams {
  readonly label: string;
  readonly maxLength: number;
  readonly minAge: number;
  /** A number question's bounds, already formatted for the locale ("25,000"). */
  readonly min?: string;
  readonly max?: string;
}

/** One locale's words for the fields: every label and every error code, checked by the compiler. */
export interface FieldMessages {
  readonly labels: Readonly<Record<FieldKey, string>>;
  readonly errors: Readonly<Record<FieldErrorCode, (params: MessageParams) => string>>;
}
