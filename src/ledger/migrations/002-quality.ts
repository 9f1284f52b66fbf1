/**
 * Lead quality (issue 20): the keyed hashes a duplicate window compares, and the suppression list.
 * Neither table holds a plain email or phone number (src/ledger/match-keys.ts).
 */
export const quality = {
  version: 2,
  name: 'duplicate window match keys, suppression list',
  sql: `
-- One row per compared value of a lead, written when the lead arrives; erased with its personal data.
CREATE TABLE ledger_match_keys (
  lead_id uuid NOT NULL REFERENCES ledger_leads (id) ON DELETE CASCADE,
  destination text NOT NULL,
  digest text NOT NULL,
  PRIMARY KEY (lead_id, digest)
);
CREATE INDEX ledger_match_keys_lookup ON ledger_match_keys (destination, digest);

-- Emails and phone numbers never to be forwarded (do-not-contact, litigators), as keyed hashes.
CREATE TABLE ledger_suppressions (
  digest text PRIMARY KEY,
  kind text NOT NULL,
  added_at timestamptz NOT NULL,
  source text
);
`,
} as const;
