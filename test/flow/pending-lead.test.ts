import { expect } from '@open-wc/testing';
import type { ConsentEvidence, LeadEnvelope } from '../../src/adapters/lead.js';
import { OUTBOX_TTL_MS } from '../../src/flow/outbox.js';
import { consentOf, fingerprint, outboxEntry, pendingFromEntry, pendingLead } from '../../src/flow/pending-lead.js';

const CONSENT: ConsentEvidence = {
  text: 'I agree to be called.',
  sha256: 'a'.repeat(64),
  sellers: ['Acme Solar'],
  checkedAt: '2026-01-01T10:00:00.000Z',
  submittedAt: '2026-01-01T10:00:05.000Z',
  pageUrl: 'https://lp.example.com/',
};
const LEAD: LeadEnvelope = { lead: { email: 'a@b.co', first_name: 'Jane' }, consent: CONSENT };

describe('fingerprint (when two envelopes are the same lead)', () => {
  it('is the same lead whatever the order of the values and the times of the consent record', () => {
    const later = { ...CONSENT, checkedAt: '2026-01-01T11:00:00.000Z', submittedAt: '2026-01-01T11:00:05.000Z' };
    expect(fingerprint({ lead: { first_name: 'Jane', email: 'a@b.co' }, consent: later })).to.equal(fingerprint(LEAD));
  });

  it('is a changed lead when a value, the disclosure, the sellers or the box changed', () => {
    expect(fingerprint({ ...LEAD, lead: { ...LEAD.lead, email: 'c@d.co' } })).to.not.equal(fingerprint(LEAD));
    expect(fingerprint({ ...LEAD, consent: { ...CONSENT, sha256: 'b'.repeat(64) } })).to.not.equal(fingerprint(LEAD));
    expect(fingerprint({ ...LEAD, consent: { ...CONSENT, sellers: ['Acme Solar', 'Beta Roofing'] } })).to.not.equal(fingerprint(LEAD));
    expect(fingerprint({ ...LEAD, consent: { ...CONSENT, checkedAt: null } })).to.not.equal(fingerprint(LEAD));
    expect(fingerprint({ lead: LEAD.lead })).to.not.equal(fingerprint(LEAD));
  });
});

describe('a pending lead', () => {
  it('is resumed from its outbox entry with its own key, creation time and the steps it had taken', () => {
    const entry = { key: 'key-7', target: 't', envelope: LEAD, stage: 'submit' as const, reference: 'ref-1', createdAt: 5, expiresAt: 10 };
    expect(pendingFromEntry(entry)).to.deep.equal({ ...pendingLead('key-7', LEAD, 5), reference: 'ref-1' });
    const { reference: _reference, ...atFirstStep } = entry;
    expect(pendingFromEntry({ ...atFirstStep, stage: 'create' })).to.not.have.property('reference');
  });

  it('reports the consent record it was sent with, and none without one', () => {
    expect(consentOf(pendingLead('key-1', LEAD, 0))).to.deep.equal({ consent: CONSENT });
    expect(consentOf(pendingLead('key-1', { lead: LEAD.lead }, 0))).to.deep.equal({});
  });

  it('is kept in the outbox as an entry for its configuration that expires a day after the lead was created', () => {
    const pending = { ...pendingLead('key-7', LEAD, 5), reference: 'ref-1' };
    expect(outboxEntry(pending, 'submit', 't')).to.deep.equal({ key: 'key-7', target: 't', envelope: LEAD, stage: 'submit', reference: 'ref-1', createdAt: 5, expiresAt: 5 + OUTBOX_TTL_MS });
    expect(outboxEntry(pendingLead('key-8', LEAD, 5), 'create', 't')).to.not.have.any.keys('reference', 'submitInput');
  });

  it('comes back from its outbox entry as it went in', () => {
    const pending = { ...pendingLead('key-7', LEAD, 5), reference: 'ref-1', submitInput: { mobile: '+12025550123' } };
    expect(pendingFromEntry(outboxEntry(pending, 'submit', 't'))).to.deep.equal(pending);
  });
});
