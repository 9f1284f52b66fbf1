import { expect } from '@open-wc/testing';
import { parseTrustedFormSettings } from '../../src/relay/trustedform-settings.js';
import { certificateId, claimRequest, maskCertificateId, matchPhone, readClaimAnswer, type ClaimInput } from '../../src/relay/trustedform-wire.js';
import { STANDIN_CREDENTIALS, STANDIN_ENV } from '../standins/credentials.js';

const CERT = '454a35b802f3e7b63ffabb4efedb7c6ebe67886c';
const CERT_URL = `https://cert.trustedform.com/${CERT}`;
const LEAD: ClaimInput = { certUrl: CERT_URL, leadId: 'lead-7f3a', email: 'Jane.Smith@Example.com', phone: '+12125550123' };
/** Claims at the stand-in's scenario `x`: the request is only built here, never sent. */
const SETTINGS = parseTrustedFormSettings({ apiKey: { env: 'TRUSTEDFORM_API_KEY' }, claim: true, certificateBaseUrl: `${location.origin}/standins/trustedform/x` }, 'trustedform', STANDIN_ENV);

describe('claim request', () => {
  it('takes the id only from a TrustedForm certificate URL', () => {
    expect(certificateId(CERT_URL)).to.equal(CERT);
    expect(certificateId(`https://cert.trustedform.com.evil.example/${CERT}`)).to.equal(undefined);
    expect(certificateId(`http://cert.trustedform.com/${CERT}`)).to.equal(undefined);
    expect(maskCertificateId(CERT)).to.equal('454a35…886c');
  });

  it('sends ten digits, since TrustedForm strips only spaces, hyphens and brackets before comparing', () => {
    expect(matchPhone('+12125550123')).to.equal('2125550123');
  });

  it('posts v4 operations with Basic auth as API, our lead id as the reference, and the match data', () => {
    const settings = { ...SETTINGS, vendor: 'Spring landing page', scans: { required: ['Acme Solar'], forbidden: ['free iPad'] } };
    const request = claimRequest(settings, CERT, LEAD);
    expect(request.method).to.equal('POST');
    expect(request.url).to.equal(`${location.origin}/standins/trustedform/x/${CERT}`);
    expect(request.headers).to.deep.equal({
      authorization: `Basic ${btoa(`API:${STANDIN_CREDENTIALS.trustedform.apiKey}`)}`,
      'content-type': 'application/json',
      accept: 'application/json',
      'api-version': '4.0',
    });
    expect(JSON.parse(request.body ?? '')).to.deep.equal({
      match_lead: { email: 'jane.smith@example.com', phone: '2125550123' },
      retain: { reference: 'lead-7f3a', vendor: 'Spring landing page' },
      insights: { properties: [], scans: { required: ['Acme Solar'], forbidden: ['free iPad'] } },
    });
  });
});

describe('readClaimAnswer', () => {
  it("reads the documented example's string booleans and \"null\" reason", () => {
    const example = {
      outcome: 'success',
      reason: 'null',
      match_lead: { email: 'janedoe@gmail.com', phone: '51125551212', result: { email_match: true, phone_match: true, success: true } },
      retain: { reference: '1128238382829', results: { expires_at: '2023-07-18T12:03:52.000Z', masked_cert_url: '', previously_retained: 'false' }, vendor: 'Acme Co.' },
    };
    expect(readClaimAnswer(CERT, { status: 200, headers: {}, body: example })).to.deep.equal({
      kind: 'claimed',
      claim: { certificate: '454a35…886c', expiresAt: '2023-07-18T12:03:52.000Z', previouslyRetained: false, match: { email: true, phone: true, success: true } },
    });
  });
});
