/**
 * The ledger's first schema. Times are `timestamptz` written from the relay's clock; personal data
 * lives only in `ledger_leads.envelope` (erased `retention.leadDays` after the lead settles) and in
 * `ledger_consent` (the evidence, kept `retention.consentDays`).
 */
export const schema = {
  version: 1,
  name: 'leads, idempotency, consent evidence, events, rate windows',
  sql: `
CREATE TABLE ledger_leads (
  id uuid PRIMARY KEY,
  destination text NOT NULL,
  idempotency_key text NOT NULL,
  state text NOT NULL,
  -- The lead as received (LeadEnvelope); NULL once retention erased it.
  envelope jsonb,
  -- The last outcome, without the destination's free text: status, code, destinationId, delivery.
  outcome jsonb,
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz,
  -- Who is delivering it now, and until when; past that the claim is taken over.
  claim_token uuid,
  claimed_until timestamptz,
  received_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  settled_at timestamptz,
  erased_at timestamptz,
  UNIQUE (destination, idempotency_key)
);
CREATE INDEX ledger_leads_queued ON ledger_leads (next_attempt_at) WHERE state = 'queued';
CREATE INDEX ledger_leads_delivering ON ledger_leads (claimed_until) WHERE state = 'delivering';
CREATE INDEX ledger_leads_received ON ledger_leads (received_at);

-- One row per request key: the primary key decides a race between instances.
CREATE TABLE ledger_idempotency (
  scope text NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  lead_id uuid REFERENCES ledger_leads (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
  answer_status integer,
  answer jsonb,
  created_at timestamptz NOT NULL,
  answered_at timestamptz,
  PRIMARY KEY (scope, key)
);
CREATE INDEX ledger_idempotency_lead ON ledger_idempotency (lead_id);

CREATE TABLE ledger_consent (
  lead_id uuid PRIMARY KEY REFERENCES ledger_leads (id) ON DELETE CASCADE,
  text text NOT NULL,
  sha256 text NOT NULL,
  sellers jsonb NOT NULL,
  version text,
  checked_at text,
  submitted_at text,
  page_url text,
  received_at timestamptz NOT NULL,
  client_ip text,
  user_agent text,
  trustedform_cert_url text,
  jornaya_lead_id text,
  phones jsonb NOT NULL,
  email text
);

CREATE TABLE ledger_events (
  id bigserial PRIMARY KEY,
  lead_id uuid NOT NULL REFERENCES ledger_leads (id) ON DELETE CASCADE,
  at timestamptz NOT NULL,
  state text NOT NULL,
  actor text NOT NULL,
  attempt integer,
  outcome jsonb,
  note text
);
CREATE INDEX ledger_events_lead ON ledger_events (lead_id, id);

CREATE TABLE ledger_rate_windows (
  bucket text NOT NULL,
  window_start bigint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (bucket, window_start)
);
`,
} as const;
