import { expect } from '@open-wc/testing';
import { CERT_URL, GOOD_LEAD, PERSON, testRelay, withSettings } from '../helpers/relay.js';
import { adapterContract } from './contract.js';

adapterContract('webhook', {
  accepted: [{ name: '200', expect: { httpStatus: 201, status: 'accepted' } }],
  duplicate: [{ name: '409', script: [{ mode: 'duplicate' }], expect: { httpStatus: 201, status: 'duplicate' } }],
  invalid: [{ name: '422 with field errors', script: [{ mode: 'invalid' }], expect: { httpStatus: 201, status: 'invalid', fieldErrors: ['email'] } }],
  rejected: [{ name: '401', script: [{ mode: 'unauthorised' }], expect: { httpStatus: 201, status: 'rejected' } }],
  failed: [{ name: '500', script: [{ mode: 'failing' }], expect: { httpStatus: 502, status: 'failed', retryable: true } }],
  uncertain: { deduplicates: 'a receiver honours Idempotency-Key (the webhook contract): a resend gets the first answer' },
  timeoutAfterReceipt: [{ name: 'the receiver keeps our Idempotency-Key', expect: 'resolved-by-resend' }],
  conditional: { undocumented: 'the webhook takes our own lead JSON as it is: no field depends on another' },
  misconfigured: [
    { name: 'a misspelt setting, which would do nothing', config: withSettings('webhook', { URL: 'https://x.example' }), refusal: /settings\.URL: unknown key "URL" \(did you mean "url"\?\)/ },
    { name: 'a url that is not http(s)', config: withSettings('webhook', { url: 'ftp://hooks.example' }), refusal: /settings\.url: must be an http\(s\) URL/ },
  ],
});

describe('webhook through the relay', () => {
  it('forwards our own lead JSON, with its evidence and the same idempotency key', async () => {
    const relay = testRelay();
    const envelope = { lead: GOOD_LEAD, trustedform: { certUrl: CERT_URL }, tracking: { utm_source: 'google' } };
    await relay.create('webhook', envelope, { key: 'key-webhook-0001' });
    const [request] = await relay.received();
    expect(request?.headers['idempotency-key']).to.equal('key-webhook-0001');
    expect(request?.body).to.deep.equal({ destination: 'webhook', bot: PERSON, ...envelope });
  });
});
