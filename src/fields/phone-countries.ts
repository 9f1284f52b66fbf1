import { PHONE_COUNTRIES } from './phone-countries.generated.js';

/**
 * The countries whose numbers the widget takes (scripts/phone-metadata.mjs slices their rules), named
 * without loading those rules: the configuration checks a `country` before validation arrives.
 */
export type PhoneCountry = (typeof PHONE_COUNTRIES)[number];

export const SUPPORTED_PHONE_COUNTRIES: readonly PhoneCountry[] = PHONE_COUNTRIES;

export function isPhoneCountry(value: string): value is PhoneCountry {
  return (PHONE_COUNTRIES as readonly string[]).includes(value);
}
