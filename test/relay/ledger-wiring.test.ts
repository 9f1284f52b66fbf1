import { expect } from '@open-wc/testing';
import type { ConsentEvidence, LeadEnvelope } from '../../src/adapters/lead.js';
import { envelopeAtSubmit } from '../../src/relay/ledger-wiring.js';

const FIRST_CERT = { certUrl: 'https://cert.trustedform.com/first' };
const LATE_CERT = { certUrl: 'https://cert.trustedform.com/late' };
const EARLIER: LeadEnvelope = { lead: { first_name: 'Jane', email: 'jane@example.com' }, trustedform: FIRST_CERT };

describe('envelopeAtSubmit (the lead as its second step completes it)', () => {
  it('adds the number the second step brings, keeping what the first step sent', () => {
    const envelope = envelopeAtSubmit(EARLIER, { mobile: '+12125550123' });
    expect(envelope.lead).to.deep.equal({ first_name: 'Jane', email: 'jane@example.com', mobile: '+12125550123' });
  });

  it("takes the second step's certificate over the first one's, and keeps the first one's without another", () => {
    expect(envelopeAtSubmit(EARLIER, { trustedform: LATE_CERT }).trustedform).to.deep.equal(LATE_CERT);
    expect(envelopeAtSubmit(EARLIER, {}).trustedform).to.deep.equal(FIRST_CERT);
  });

  it('carries no certificate when neither step brought one', () => {
    expect(envelopeAtSubmit({ lead: {} }, { mobile: '+12125550123' })).to.not.have.property('trustedform');
  });

  it("leaves the consent as the first step sent it: the consent step's record is added by its caller", () => {
    const consent = { sha256: 'a'.repeat(64) } as unknown as ConsentEvidence;
    expect(envelopeAtSubmit({ ...EARLIER, consent }, { consent: { sha256: 'b'.repeat(64) } as unknown as ConsentEvidence }).consent).to.equal(consent);
  });
});
