import { expect } from '@open-wc/testing';
import { CERT_URL, GOOD_LEAD, testRelay, withDestination, withSettings } from '../helpers/relay.js';
import { STANDIN_CREDENTIALS } from '../standins/credentials.js';
import { script } from '../helpers/standins.js';
import { adapterContract } from './contract.js';

/** The stand-in's second database source, whose deduplication is off, configured as such. */
const WITHOUT_DEDUPE = withSettings('pingtree', { sourceId: STANDIN_CREDENTIALS.pingtree.sourceIdWithoutDedupe, dedupe: false });

adapterContract('pingtree', {
  accepted: [
    { name: '201 accept', expect: { httpStatus: 201, status: 'accepted', code: 'accept' } },
    { name: '200 {success, lead_id}, the other documented shape', script: [{ mode: 'altShape' }], expect: { httpStatus: 201, status: 'accepted' } },
  ],
  duplicate: [
    {
      name: '201 duplicate when the email or mobile is already stored',
      before: async (relay) => void (await relay.create('pingtree', { lead: GOOD_LEAD })),
      envelope: { lead: { ...GOOD_LEAD, email: 'other@example.com' } },
      expect: { httpStatus: 201, status: 'duplicate', code: 'duplicate' },
    },
  ],
  invalid: [
    {
      name: '400 missingField',
      script: [{ status: 400, body: { status: 'error', message: 'Missing required field: mobile', data: { lead_status: 'missingField', field: 'mobile' } } }],
      expect: { httpStatus: 201, status: 'invalid', code: 'missingField' },
    },
    {
      name: '400 invalidField',
      script: [{ status: 400, body: { status: 'error', message: 'Invalid field: city', data: { lead_status: 'invalidField', field: 'city' } } }],
      expect: { httpStatus: 201, status: 'invalid', code: 'invalidField' },
    },
  ],
  rejected: [
    {
      name: '401 with a wrong API key',
      config: withSettings('pingtree', { apiKey: { env: 'MLAS_CLIENT_SECRET' } }),
      expect: { httpStatus: 201, status: 'rejected', code: 'unauthorised' },
    },
  ],
  failed: [
    {
      name: '500 at a source with deduplication on: a resend cannot store it twice',
      script: [{ mode: 'failing' }],
      expect: { httpStatus: 502, status: 'failed', retryable: true },
    },
  ],
  uncertain: [
    {
      name: '500 at a source without deduplication: it may be stored, and a resend would store it again',
      config: WITHOUT_DEDUPE,
      script: [{ mode: 'failing' }],
      expect: { httpStatus: 201, status: 'uncertain', retryable: false },
    },
  ],
  timeoutAfterReceipt: [
    { name: 'a source with deduplication on', expect: 'resolved-by-resend' },
    { name: 'a source without it, whose resend would store a second lead', config: WITHOUT_DEDUPE, expect: 'uncertain' },
  ],
  conditional: [
    {
      name: 'mobile is only ever a mobile: a landline is not sent as the number a buyer will text',
      config: withDestination('pingtree', { required: ['first_name', 'last_name', 'email'] }),
      envelope: { lead: { first_name: 'Jane', last_name: 'Smith', email: 'jane@example.com', home_phone: '+12125550123' } },
      expect: { httpStatus: 201, status: 'invalid', code: 'missingField' },
      sent: ([request]) => expect(request?.body).to.not.have.property('mobile'),
    },
    {
      name: 'the xxTrustedForm* fields only with a certificate',
      expect: { httpStatus: 201, status: 'accepted' },
      sent: ([request]) => expect(Object.keys(request?.body as object).filter((key) => key.startsWith('xx'))).to.deep.equal([]),
    },
  ],
  misconfigured: [
    {
      name: 'a source id that is not the 24-hex ObjectId',
      config: withSettings('pingtree', { sourceId: 'my-source' }),
      refusal: /settings\.sourceId: must be the database source’s 24-hex ObjectId/,
    },
    { name: 'dedupe not a boolean', config: withSettings('pingtree', { dedupe: 'yes' }), refusal: /settings\.dedupe: must be true or false/ },
  ],
});

describe('pingtree on the wire', () => {
  it('posts snake_case fields with a 10-digit mobile, the Bearer key, our key as transaction_id and TrustedForm as xxTrustedForm*', async () => {
    const relay = testRelay();
    const trustedform = { certUrl: CERT_URL, pingUrl: 'https://ping.trustedform.com/0.abc', token: CERT_URL };
    await relay.create('pingtree', { lead: GOOD_LEAD, trustedform }, { key: 'key-pingtree-0001' });
    const [request] = await relay.received();
    expect(request?.path).to.equal(`/standins/pingtree/${relay.scenario}/api/lead/create/${STANDIN_CREDENTIALS.pingtree.sourceId}`);
    expect(request?.headers['authorization']).to.equal(`Bearer ${STANDIN_CREDENTIALS.pingtree.apiKey}`);
    expect(request?.body).to.deep.equal({
      first_name: 'Jane',
      last_name: "O'Neil",
      email: 'jane.oneil@example.com',
      mobile: '2125550123',
      address: '350 Fifth Avenue',
      city: 'New York',
      state: 'NY',
      zip_code: '10118',
      date_of_birth: '1985-04-23',
      transaction_id: 'key-pingtree-0001',
      xxTrustedFormCertUrl: CERT_URL,
      xxTrustedFormPingUrl: 'https://ping.trustedform.com/0.abc',
      xxTrustedFormToken: CERT_URL,
    });
  });

  it('keeps the field errors of the other documented shape, under our field names', async () => {
    // A source that insists on a mobile the relay was not told to require.
    const relay = testRelay(withDestination('pingtree', { required: [] }));
    await script(relay.scenario, { mode: 'altShape' });
    const { mobile: _mobile, ...withoutMobile } = GOOD_LEAD;
    const answer = await relay.create('pingtree', { lead: withoutMobile });
    expect(relay.outcomes.at(-1)).to.deep.include({ code: 'validation_error', fieldErrors: { mobile: 'This field is required.' } });
    // The browser gets our words only: the code in our vocabulary, the field error as our code.
    expect(answer.body['outcome']).to.deep.equal({ status: 'invalid', retryable: false, code: 'destination_error', fieldErrors: { mobile: 'required' } });
  });
});
