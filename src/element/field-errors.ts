import type { FieldErrorCode } from '../fields/error-codes.js';
import type { DateProblem } from '../fields/memorable-date.js';
import type { FieldResult, LeadValidation } from '../fields/validate.js';

/** The key under which a consent problem is reported beside the field errors. */
export const CONSENT = 'consent';

export type FieldErrorMap = Partial<Record<string, FieldErrorCode>>;

/** The whole lead's check with the date boxes' own problem, which the rules cannot see. */
export function withDateProblem(validation: LeadValidation | undefined, date: DateProblem | undefined): LeadValidation | undefined {
  if (!validation || !date) return validation;
  return { ok: false, errors: { ...(validation.ok ? {} : validation.errors), date_of_birth: date.code } };
}

/** A field that must be filled: its normalised value, or its problem (`required` too before the rules arrive). */
export function requiredValue(result: FieldResult | undefined): { ok: true; value: string } | { ok: false; error: FieldErrorCode } {
  if (!result?.ok) return { ok: false, error: result?.error ?? 'required' };
  return result.value === undefined ? { ok: false, error: 'required' } : { ok: true, value: result.value };
}
