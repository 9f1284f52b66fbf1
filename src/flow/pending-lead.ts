import type { ConsentEvidence, LeadEnvelope, SubmitStepInput } from '../adapters/lead.js';
import { defined } from '../adapters/defined.js';
import { OUTBOX_TTL_MS, type OutboxEntry } from './outbox.js';

/** The lead a submission flow has on its way, with what it learnt of it so far. */
export interface PendingLead {
  readonly idempotencyKey: string;
  readonly envelope: LeadEnvelope;
  readonly fingerprint: string;
  readonly createdAt: number;
  reference?: string;
  submitInput?: SubmitStepInput;
  /** The person withdrew the consent of the second step while it waited: it is not sent until they agree again. */
  submitWithdrawn?: boolean;
}

/**
 * Two envelopes are the same lead when what the person entered and agreed to match: the values, and
 * the consent (which text, which sellers, whether given). A box ticked or unticked since is a changed
 * lead, so Try again never sends a consent record the form no longer shows (issue 15). The record's
 * times are not compared: the same agreement sent again is the same lead, with the same key.
 */
export function fingerprint(envelope: LeadEnvelope): string {
  const consent = envelope.consent;
  const agreement = consent ? [consent.sha256, consent.version ?? '', [...consent.sellers], consent.checkedAt !== null] : null;
  return JSON.stringify([envelope.destination ?? '', Object.entries(envelope.lead).sort(), agreement]);
}

/** A new lead on its way, not yet sent. */
export function pendingLead(idempotencyKey: string, envelope: LeadEnvelope, createdAt: number): PendingLead {
  return { idempotencyKey, envelope, fingerprint: fingerprint(envelope), createdAt };
}

/** The lead of an outbox entry (after a reload, or when the browser came back online), at the step it had reached. */
export function pendingFromEntry(entry: OutboxEntry): PendingLead {
  return { ...pendingLead(entry.key, entry.envelope, entry.createdAt), ...defined({ reference: entry.reference, submitInput: entry.submitInput }) };
}

/** The outbox entry that keeps a lead at `stage` for `target`'s configuration, for a day from its creation (OUTBOX_TTL_MS). */
export function outboxEntry(pending: PendingLead, stage: 'create' | 'submit', target: string): OutboxEntry {
  return {
    key: pending.idempotencyKey,
    target,
    envelope: pending.envelope,
    stage,
    createdAt: pending.createdAt,
    expiresAt: pending.createdAt + OUTBOX_TTL_MS,
    ...defined({ reference: pending.reference, submitInput: pending.submitInput }),
  };
}

/** The consent record a lead carried, for the report: what was sent, whatever the form shows since. */
export function consentOf(pending: PendingLead): { consent?: ConsentEvidence } {
  return defined({ consent: pending.envelope.consent });
}
