import type { FieldKey } from './keys.js';

/** How a field is asked for. Labels live in the translations; rules in rules.ts. */
export interface FieldDefinition {
  readonly key: FieldKey;
  readonly control: 'text' | 'email' | 'tel' | 'date' | 'select' | 'textarea';
  /** The HTML `autocomplete` token(s), so browsers and password managers fill the right value. */
  readonly autocomplete: string;
  /** The on-screen keyboard to show on phones. */
  readonly inputmode?: 'text' | 'email' | 'tel' | 'numeric';
  readonly maxLength: number;
  /**
   * For selects: the values offered, each with the label shown. The `state` select has none here: its
   * list (us-states.ts, `US_STATE_OPTIONS`) is a chunk of the module build's own, loaded only by a
   * form that asks for the state.
   */
  readonly options?: readonly (readonly [value: string, label: string])[];
}

/** The countries the shipped phone metadata covers (see phone.ts), as ISO 3166-1 alpha-2 codes. */
const COUNTRY_OPTIONS = [
  ['US', 'United States'],
  ['CA', 'Canada'],
  ['PR', 'Puerto Rico'],
  ['GU', 'Guam'],
  ['VI', 'U.S. Virgin Islands'],
  ['AS', 'American Samoa'],
  ['MP', 'Northern Mariana Islands'],
] as const;

/**
 * One row per field, its key implied (FIELD_CATALOGUE adds it). Lengths: names follow MLAS
 * `firstName`/`lastName` (1–50 chars); the rest are generous bounds that stop abuse without cutting
 * real values.
 */
const ROWS: Readonly<Record<FieldKey, Omit<FieldDefinition, 'key'>>> = {
  first_name: { control: 'text', autocomplete: 'given-name', maxLength: 50 },
  last_name: { control: 'text', autocomplete: 'family-name', maxLength: 50 },
  full_name: { control: 'text', autocomplete: 'name', maxLength: 101 },
  email: { control: 'email', autocomplete: 'email', inputmode: 'email', maxLength: 254 },
  mobile: { control: 'tel', autocomplete: 'mobile tel', inputmode: 'tel', maxLength: 25 },
  home_phone: { control: 'tel', autocomplete: 'home tel', inputmode: 'tel', maxLength: 25 },
  business_phone: { control: 'tel', autocomplete: 'work tel', inputmode: 'tel', maxLength: 25 },
  address: { control: 'text', autocomplete: 'address-line1', maxLength: 100 },
  address2: { control: 'text', autocomplete: 'address-line2', maxLength: 100 },
  city: { control: 'text', autocomplete: 'address-level2', maxLength: 60 },
  state: { control: 'select', autocomplete: 'address-level1', maxLength: 30 },
  zip_code: { control: 'text', autocomplete: 'postal-code', inputmode: 'numeric', maxLength: 10 },
  country: { control: 'select', autocomplete: 'country', maxLength: 60, options: COUNTRY_OPTIONS },
  date_of_birth: { control: 'date', autocomplete: 'bday', maxLength: 10 },
  company: { control: 'text', autocomplete: 'organization', maxLength: 100 },
  job_title: { control: 'text', autocomplete: 'organization-title', maxLength: 100 },
  description: { control: 'textarea', autocomplete: 'off', maxLength: 2000 },
};

/** How each field is asked for, by key. */
export const FIELD_CATALOGUE = Object.fromEntries(
  Object.entries(ROWS).map(([key, row]) => [key, { key, ...row }]),
) as Readonly<Record<FieldKey, FieldDefinition>>;
