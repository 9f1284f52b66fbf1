import type { LeadEnvelope } from '../adapters/lead.js';
import type { Engine } from '../ledger/engine.js';
import { contactDigests, leadDigests } from '../ledger/match-keys.js';
import { findDeliveredMatch, isSuppressed, recordMatchKeys } from '../ledger/quality.js';
import type { Destination } from './config.js';
import type { Screened } from './ledger-create.js';

const DAY_MS = 86_400_000;

/**
 * The relay's checks of a lead before its destination is called (issue 20), in this order:
 * - **suppression**: an email or phone number on the list → `suppressed` in the ledger, never
 *   forwarded; the browser gets the thank-you anyone gets (no oracle for who is on the list);
 * - **duplicate window**: the same normalised email or phone as a lead delivered to this destination
 *   within `dedupe.days` → `duplicate`, as the destination would have said, without calling it.
 * Both compare keyed hashes (match-keys.ts). Answers undefined when the lead goes on.
 */
export async function screenLead(
  engine: Engine,
  destination: Destination,
  envelope: LeadEnvelope,
  leadId: string,
  key: Uint8Array | undefined,
  now: Date,
): Promise<Screened | undefined> {
  if (key === undefined) return undefined;
  if (destination.suppression && (await isSuppressed(engine, contactDigests(envelope.lead, key, destination.country)))) {
    return {
      decision: { state: 'suppressed' },
      outcome: { status: 'accepted', retryable: false },
      summary: { status: 'accepted', code: 'suppressed' },
      note: 'an email or phone number on the suppression list: not forwarded',
    };
  }
  const dedupe = destination.dedupe;
  if (!dedupe) return undefined;
  const digests = leadDigests(envelope.lead, dedupe.fields, key, destination.country);
  await recordMatchKeys(engine, leadId, destination.name, digests);
  const earlier = await findDeliveredMatch(engine, destination.name, digests, new Date(now.getTime() - dedupe.days * DAY_MS), leadId);
  if (earlier === undefined) return undefined;
  return {
    decision: { state: 'duplicate' },
    outcome: { status: 'duplicate', retryable: false, code: 'duplicate' },
    summary: { status: 'duplicate', code: 'duplicate_window' },
    note: `the same ${dedupe.fields.join(' or ')} as lead ${earlier}, delivered within ${dedupe.days} days: not sent`,
  };
}
