/**
 * The visit that brought the person (issue 17): the last and the first touch (UTM parameters, click
 * ids, referrer, landing page) kept with the consent evidence, as long as it is kept.
 */
export const touches = {
  version: 4,
  name: 'touches with the consent evidence',
  sql: `
ALTER TABLE ledger_consent ADD COLUMN tracking jsonb;
ALTER TABLE ledger_consent ADD COLUMN first_touch jsonb;
`,
} as const;
