import { expect } from '@open-wc/testing';
import type { BotSignals, ConsentEvidence, LeadEnvelope, TrustedFormCertificate } from '../../src/adapters/lead.js';
import { bareEnvelope, consentStepInput, secondStepInput, withEvidence } from '../../src/element/lead-envelope.js';

const lead = { first_name: 'Jane', mobile: '(201) 555-0123' };
const consent = { text: 'I agree', sellers: ['ACME'] } as unknown as ConsentEvidence;
const certificate: TrustedFormCertificate = { certUrl: 'https://cert.trustedform.com/0123456789abcdef0123456789abcdef01234567' };
const bot: BotSignals = { honeypot: '', elapsedMs: 4200 };

describe('bareEnvelope: the lead as the form holds it', () => {
  it('names the destination only when the page names one', () => {
    expect(bareEnvelope('', lead, undefined)).to.deep.equal({ lead });
    expect(bareEnvelope('acme-auto', lead, undefined)).to.deep.equal({ destination: 'acme-auto', lead });
  });

  it('carries the consent record of what the form shows now, and none when there is none', () => {
    expect(bareEnvelope('', lead, consent)).to.deep.equal({ lead, consent });
    expect(bareEnvelope('', lead, undefined)).to.not.have.property('consent');
  });
});

describe('withEvidence: the lead with what came for it', () => {
  const bare: LeadEnvelope = { lead };

  it('adds the certificate and the Jornaya token that came, the tracking and the bot signals', () => {
    const tracking = { tracking: { utm_source: 'news' }, first_touch: { utm_source: 'ads' } };
    const envelope = withEvidence(bare, { trustedform: certificate, jornaya: { leadId: 'LEAD-1' } }, tracking, bot);
    expect(envelope).to.deep.equal({ lead, trustedform: certificate, jornaya: { leadId: 'LEAD-1' }, ...tracking, bot });
  });

  it('leaves out evidence that did not come, rather than sending it empty', () => {
    expect(withEvidence(bare, undefined, {}, bot)).to.deep.equal({ lead, bot });
    expect(withEvidence(bare, {}, {}, bot)).to.deep.equal({ lead, bot });
  });
});

describe('consentStepInput: the deferred consent step', () => {
  it('sends the confirmed mobile with the certificate and the step’s consent record', () => {
    expect(consentStepInput('2015550123', certificate, consent)).to.deep.equal({ mobile: '2015550123', trustedform: certificate, consent });
  });

  it('sends the mobile alone when no certificate came and consent is not asked', () => {
    expect(consentStepInput('2015550123', undefined, undefined)).to.deep.equal({ mobile: '2015550123' });
  });
});

describe('secondStepInput: the second step that follows at once (consent came with the form)', () => {
  it('takes the lead’s own mobile and certificate', () => {
    expect(secondStepInput({ lead, trustedform: certificate })).to.deep.equal({ mobile: lead.mobile, trustedform: certificate });
  });

  it('leaves out a mobile the lead does not have, and sends nothing of a lead never sent', () => {
    expect(secondStepInput({ lead: { first_name: 'Jane', mobile: '' } })).to.deep.equal({});
    expect(secondStepInput(undefined)).to.deep.equal({});
  });
});
