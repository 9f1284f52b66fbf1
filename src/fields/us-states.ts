/**
 * The 2-letter codes destinations take for `state` (MLAS, Pingtree: "2-letter state abbreviation"):
 * the 50 states, DC, the five inhabited territories, and the three military "states" that USPS uses.
 */
export const US_STATES = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado',
  CT: 'Connecticut', DE: 'Delaware', DC: 'District of Columbia', FL: 'Florida', GA: 'Georgia',
  HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
  LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota',
  MS: 'Mississippi', MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire',
  NJ: 'New Jersey', NM: 'New Mexico', NY: 'New York', NC: 'North Carolina', ND: 'North Dakota',
  OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania', RI: 'Rhode Island',
  SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont',
  VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming',
  AS: 'American Samoa', GU: 'Guam', MP: 'Northern Mariana Islands', PR: 'Puerto Rico',
  VI: 'U.S. Virgin Islands', AA: 'Armed Forces Americas', AE: 'Armed Forces Europe', AP: 'Armed Forces Pacific',
} as const;

export type UsStateCode = keyof typeof US_STATES;

/** The `state` select's options: each code with its name, in the table's order. */
export const US_STATE_OPTIONS: readonly (readonly [code: string, name: string])[] = Object.entries(US_STATES);

export function isUsStateCode(value: string): value is UsStateCode {
  return Object.hasOwn(US_STATES, value);
}

/** "ca", "California", " california " → "CA"; anything else → undefined. */
export function toUsStateCode(value: string): UsStateCode | undefined {
  const upper = value.trim().toUpperCase();
  if (isUsStateCode(upper)) return upper;
  const byName = Object.entries(US_STATES).find(([, name]) => name.toUpperCase() === upper.replace(/\s+/g, ' '));
  return byName?.[0] as UsStateCode | undefined;
}
