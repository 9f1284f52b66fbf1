/**
 * Every field any destination in ../shared/seeds/ takes, under the seeds' snake_case names
 * (DESIGN.md, "The public contract"). Each key is also the input's `name`.
 */
export const FIELD_KEYS = [
  'first_name',
  'last_name',
  'full_name',
  'email',
  'mobile',
  'home_phone',
  'business_phone',
  'address',
  'address2',
  'city',
  'state',
  'zip_code',
  'country',
  'date_of_birth',
  'company',
  'job_title',
  'description',
] as const;

export type FieldKey = (typeof FIELD_KEYS)[number];

export function isFieldKey(value: string): value is FieldKey {
  return (FIELD_KEYS as readonly string[]).includes(value);
}
