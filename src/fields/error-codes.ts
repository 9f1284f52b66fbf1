/**
 * Why a value was refused. The browser and the relay both speak these; translations word them. A
 * module of its own, free of zod, so the widget's first chunk can name the codes without the rules.
 */
export const FIELD_ERROR_CODES = [
  'required',
  'too_long',
  'characters',
  'email',
  'phone',
  'phone_length',
  'zip',
  'state',
  'country',
  'date',
  'date_future',
  'min_age',
  'unknown_field',
  'range',
  'option',
] as const;
export type FieldErrorCode = (typeof FIELD_ERROR_CODES)[number];

export function isFieldErrorCode(value: string): value is FieldErrorCode {
  return (FIELD_ERROR_CODES as readonly string[]).includes(value);
}
