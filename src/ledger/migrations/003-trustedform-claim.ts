/**
 * The TrustedForm claim of a lead (issue 20): what TrustedForm answered when the relay retained the
 * certificate (expiry, masked certificate, match and page scan results; nothing personal), kept on
 * the lead row, which lives as long as its consent evidence.
 */
export const trustedformClaim = {
  version: 3,
  name: 'TrustedForm claims',
  sql: `
ALTER TABLE ledger_leads ADD COLUMN trustedform_claim jsonb;
`,
} as const;
