import { FIELD_CATALOGUE } from '../catalogue.js';
import type { FieldKey } from '../keys.js';

/**
 * Which characters a field takes, as its message must tell the person (rules.ts holds the checks
 * themselves: names take letters, spaces, hyphens and apostrophes; a city letters and spaces; a line
 * of free text anything but markup brackets, emoji and hidden characters). A question's answer is
 * no catalogue field: its caller says the kind (`MessageParams.kind`).
 */
export type CharacterKind = 'name' | 'city' | 'line' | 'free' | 'number' | 'other';

export function characterKind(key: FieldKey | undefined): CharacterKind {
  switch (key) {
    case 'first_name':
    case 'last_name':
    case 'full_name':
      return 'name';
    case 'city':
      return 'city';
    case 'address':
    case 'address2':
    case 'company':
    case 'job_title':
      return 'line';
    case 'description':
      return 'free';
    default:
      return 'other';
  }
}

/** A select is chosen from, not typed: "Choose a state", not "Enter your state". */
export function isChosen(key: FieldKey | undefined): boolean {
  return key !== undefined && FIELD_CATALOGUE[key].control === 'select';
}

/** An example number the person can copy the shape of, from their numbering region. */
export function examplePhone(country: string | undefined): string {
  return country === 'CA' ? '(416) 555-0123' : '(201) 555-0123';
}
