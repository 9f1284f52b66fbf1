// Leads and requests for the ledger's tests, built the way the relay builds them.
import type { LeadEnvelope, Outcome } from '../../src/adapters/lead.js';
import type { Engine } from '../../src/ledger/engine.js';
import { consentEvidence } from '../../src/ledger/evidence.js';
import { receive, settle, type IncomingLead, type KeyedRequest } from '../../src/ledger/intake.js';
import { DEFAULT_DELIVERY } from '../../src/ledger/settings.js';
import { afterAttempt, summarise } from '../../src/ledger/states.js';

export const CONSENT_TEXT = 'By clicking Submit I agree that ACME may call me at the number above.';
export const CONSENT_SHA256 = 'f6f9929ed42be8824c0ee3217bb85a43d8542f8d42bc910fa8a7c20d6c59b897';
export const CERT_URL = 'https://cert.trustedform.com/2a0b8a1c3c4e5f60718293a4b5c6d7e8f9012345';

export const ENVELOPE: LeadEnvelope = {
  destination: 'pingtree',
  lead: { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123' },
  consent: {
    text: CONSENT_TEXT,
    sha256: CONSENT_SHA256,
    sellers: ['ACME Insurance'],
    checkedAt: '2026-11-30T10:00:01.000Z',
    submittedAt: '2026-11-30T10:00:09.000Z',
    pageUrl: 'https://lp.example.com/quote',
  },
  trustedform: { certUrl: CERT_URL },
};

export const T0 = new Date('2026-11-30T10:00:10.000Z');
export const seconds = (date: Date, count: number) => new Date(date.getTime() + count * 1000);

/** The relay's part of a create request: the key, a body hash and the new lead, claimed for 20 s. */
export function createRequest(key: string = crypto.randomUUID(), now = T0, envelope = ENVELOPE): { request: KeyedRequest; lead: IncomingLead } {
  const id = crypto.randomUUID();
  return {
    request: { scope: `create:${envelope.destination}`, key, requestHash: `hash-of-${JSON.stringify(envelope).length}`, now },
    lead: {
      id,
      destination: envelope.destination ?? 'pingtree',
      envelope,
      evidence: consentEvidence(envelope, { receivedAt: now, clientIp: '203.0.113.7', userAgent: 'Mozilla/5.0 (test)' }),
      claimToken: crypto.randomUUID(),
      claimedUntil: seconds(now, 20),
    },
  };
}

export const NOT_DELIVERED: Outcome = { status: 'failed', retryable: true, delivery: 'not_delivered', code: 'unavailable' };
export const ACCEPTED: Outcome = { status: 'accepted', retryable: false, destinationId: 'pt-1' };

/** A lead received at `now` whose synchronous try failed with `outcome`: queued (or settled) as the relay leaves it. */
export async function receivedAndTried(engine: Engine, outcome: Outcome, now = T0, delivery = DEFAULT_DELIVERY): Promise<IncomingLead & { key: string }> {
  const { request, lead } = createRequest(undefined, now);
  await receive(engine, request, lead);
  const decision = afterAttempt(outcome, { attempts: 1, receivedAt: now, now }, delivery);
  await settle(engine, { leadId: lead.id, claimToken: lead.claimToken, decision, outcome: summarise(outcome), attempt: 1, actor: 'relay', now });
  return { ...lead, key: request.key };
}

export async function stateOf(engine: Engine, leadId: string): Promise<{ state: string; attempts: number; envelope: unknown }> {
  const [row] = await engine.query<{ state: string; attempts: number; envelope: unknown }>('SELECT state, attempts, envelope FROM ledger_leads WHERE id = $1', [leadId]);
  return row!;
}
