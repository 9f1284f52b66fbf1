import { expect } from '@open-wc/testing';
import { buildIvvyRequest, ivvySignature, ivvyStringToSign } from '../../src/adapters/ivvy.js';
import { GOOD_LEAD, testRelay, withSettings } from '../helpers/relay.js';
import { STANDIN_CREDENTIALS } from '../standins/credentials.js';
import { adapterContract } from './contract.js';

const WITH_CUSTOM_FIELD = withSettings('ivvy', { customFields: { '12': '{utm_campaign}' } });
const { mobile: _mobile, ...WITHOUT_MOBILE } = GOOD_LEAD;

adapterContract('ivvy', {
  accepted: [{ name: '200 {success: true, id}', expect: { httpStatus: 201, status: 'accepted' } }],
  duplicate: { undocumented: 'iVvy does not dedupe leads; the relay’s idempotency key keeps a retry from adding one twice' },
  invalid: [
    { name: '24218 lead details invalid', script: [{ mode: 'invalid' }], expect: { httpStatus: 201, status: 'invalid', code: '24218' } },
    {
      name: '23016 naming the contact’s email: the person’s, on their field',
      script: [{ status: 400, body: { errorCode: 400, message: "'email' does not validate", specificCode: 23016, additionalMessages: ['Value must be a valid email address'] } }],
      expect: { httpStatus: 201, status: 'invalid', code: '23016', fieldErrors: ['email'] },
    },
    {
      name: '23016 naming the contact’s phone, which came from the home phone: on the home phone, the field the person filled',
      script: [{ status: 400, body: { errorCode: 400, message: "'contact.phone' does not validate", specificCode: 23016, additionalMessages: ['Value must be a phone number'] } }],
      envelope: { lead: { ...WITHOUT_MOBILE, home_phone: '+12125550188' } },
      expect: { httpStatus: 201, status: 'invalid', code: '23016', fieldErrors: ['home_phone'] },
      sent: ([request]) => expect((request?.body as { contact: Record<string, unknown> }).contact['phone']).to.equal('+12125550188'),
    },
  ],
  rejected: [
    {
      name: '401 with a secret that signs wrongly',
      config: withSettings('ivvy', { apiSecret: { env: 'PINGTREE_API_KEY' } }),
      expect: { httpStatus: 201, status: 'rejected', code: '401' },
    },
    {
      name: '24215 the request is empty: ours, not the person’s',
      script: [{ status: 400, body: { errorCode: 400, message: 'The request is empty', specificCode: 24215, additionalMessages: [] } }],
      expect: { httpStatus: 201, status: 'rejected', code: '24215' },
    },
    {
      name: '23017 naming a contact parameter the lead did not fill (a phone the form never asked): the operator’s, not the person’s',
      script: [{ status: 400, body: { errorCode: 400, message: "'phone' is required", specificCode: 23017, additionalMessages: [] } }],
      envelope: { lead: WITHOUT_MOBILE },
      expect: { httpStatus: 201, status: 'rejected', code: '23017' },
    },
    {
      name: '23016 naming a setting (sourceId): the operator’s, not the person’s',
      script: [{ status: 400, body: { errorCode: 400, message: "'sourceId' does not validate", specificCode: 23016, additionalMessages: ['No such source'] } }],
      expect: { httpStatus: 201, status: 'rejected', code: '23016' },
    },
  ],
  failed: [{ name: '429, with Retry-After', script: [{ mode: 'rateLimited' }], expect: { httpStatus: 502, status: 'failed', retryable: true } }],
  uncertain: [{ name: '500: it may be stored, and iVvy does not deduplicate', script: [{ mode: 'failing' }], expect: { httpStatus: 201, status: 'uncertain', retryable: false } }],
  timeoutAfterReceipt: [{ name: 'add is not idempotent', expect: 'uncertain' }],
  conditional: [
    {
      name: 'industryId with every lead, since each is a new contact-type lead',
      expect: { httpStatus: 201, status: 'accepted' },
      sent: ([request]) => expect(request?.body).to.include({ industryId: 7 }),
    },
    {
      name: 'customFields that the account requires, missing: 23017 for the operator, not the person',
      script: [{ mode: 'customFieldRequired' }],
      expect: { httpStatus: 201, status: 'rejected', code: '23017' },
    },
    {
      name: 'customFields that the account requires, configured: sent from the lead’s tracking',
      config: WITH_CUSTOM_FIELD,
      script: [{ mode: 'customFieldRequired' }],
      envelope: { lead: GOOD_LEAD, tracking: { utm_campaign: 'spring' } },
      expect: { httpStatus: 201, status: 'accepted' },
      sent: ([request]) => expect((request?.body as Record<string, unknown>)['customFields']).to.deep.equal([{ fieldId: 12, fieldValue: 'spring' }]),
    },
    {
      name: 'what has no field (company, job title, address, birth date, other phones) goes into description',
      envelope: { lead: { ...GOOD_LEAD, company: 'ABC Inc', job_title: 'Director', home_phone: '+12125550188', description: 'Call after 5' } },
      expect: { httpStatus: 201, status: 'accepted' },
      sent: ([request]) =>
        expect((request?.body as Record<string, unknown>)['description']).to.equal(
          'Call after 5\n\nCompany: ABC Inc\nJob title: Director\nAddress: 350 Fifth Avenue, New York, NY 10118\nDate of birth: 1985-04-23\nHome phone: +12125550188',
        ),
    },
    {
      name: 'subtypeId when configured',
      config: withSettings('ivvy', { subtypeId: 5 }),
      expect: { httpStatus: 201, status: 'accepted' },
      sent: ([request]) => expect(request?.body).to.include({ subtypeId: 5 }),
    },
  ],
  misconfigured: [
    {
      name: 'industryId missing: every lead we send is a new contact-type lead, which requires it',
      config: withSettings('ivvy', { industryId: undefined }),
      refusal: /settings\.industryId is required for ivvy/,
    },
    { name: 'an id that is not a whole number', config: withSettings('ivvy', { sourceId: 'three' }), refusal: /settings\.sourceId: must be a whole number/ },
    { name: 'a custom field named, not numbered', config: withSettings('ivvy', { customFields: { campaign: '{utm_campaign}' } }), refusal: /settings\.customFields: "campaign" is not an iVvy custom field id/ },
  ],
});

describe('ivvy request signing', () => {
  it('builds exactly the vendor’s published string to sign', () => {
    const stringToSign = ivvyStringToSign({
      method: 'POST',
      contentMd5: 'a09f600c77a6dbd947db24c61e8935ca',
      contentType: 'application/json',
      date: '',
      requestPath: '/api/1.0/test?action=ping',
      apiVersion: '1.0',
      ivvyHeaders: { 'IVVY-Date': '2012-04-03 22:23:24' },
    });
    expect(stringToSign).to.equal('posta09f600c77a6dbd947db24c61e8935caapplication/json/api/1.0/test?action=ping1.0ivvydate=2012-04-03 22:23:24');
  });

  it('signs with HMAC-SHA1 as Web Crypto computes it', async () => {
    const message = 'posta09f600c77a6dbd947db24c61e8935caapplication/json/api/1.0/test?action=ping1.0ivvydate=2012-04-03 22:23:24';
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('secret'), { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
    const expected = Array.from(new Uint8Array(await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(message))), (b) => b.toString(16).padStart(2, '0')).join('');
    expect(ivvySignature('secret', message)).to.equal(expected);
  });

  it('sends Content-MD5 of the exact body bytes, IVVY-Date in UTC and the IWS authorization header', () => {
    const settings = { baseUrl: 'https://api.us-west-2.ivvy.com', apiKey: 'k', apiSecret: 's', sourceId: 1, typeId: 1, stageId: 1, qualityId: 1, industryId: 1 };
    const request = buildIvvyRequest({ lead: { email: 'a@b.co' } }, settings, new Date('2026-11-23T09:08:07.654Z'));
    expect(request.url).to.equal('https://api.us-west-2.ivvy.com/api/1.0/contact?action=addOrUpdateLead');
    expect(request.headers['ivvy-date']).to.equal('2026-11-23 09:08:07');
    expect(request.headers['content-md5']).to.match(/^[0-9a-f]{32}$/);
    expect(request.headers['x-api-authorization']).to.match(/^IWS k:[0-9a-f]{40}$/);
  });

  it('adds without an id and updates with one', () => {
    const settings = { baseUrl: 'https://x', apiKey: 'k', apiSecret: 's', sourceId: 1, typeId: 1, stageId: 1, qualityId: 1, industryId: 1 };
    const add = JSON.parse(buildIvvyRequest({ lead: {} }, settings, new Date()).body ?? '{}');
    const update = JSON.parse(buildIvvyRequest({ lead: {} }, settings, new Date(), 1234).body ?? '{}');
    expect(add).to.not.have.property('id');
    expect(update['id']).to.equal(1234);
  });
});

describe('ivvy on the wire', () => {
  it('posts the lead with its ids from config, a templated name and the contact inline', async () => {
    const relay = testRelay();
    const answer = await relay.create('ivvy', { lead: GOOD_LEAD });
    expect(answer.body['outcome']).to.deep.equal({ status: 'accepted', retryable: false, destinationId: '1001' });
    const [request] = await relay.received();
    expect(request?.path).to.equal(`/standins/ivvy/${relay.scenario}/api/1.0/contact`);
    expect(request?.query).to.deep.equal({ action: 'addOrUpdateLead' });
    expect(request?.headers['x-api-authorization']).to.match(new RegExp(`^IWS ${STANDIN_CREDENTIALS.ivvy.apiKey}:[0-9a-f]{40}$`));
    expect(request?.body).to.deep.equal({
      qualityId: 4,
      sourceId: 3,
      typeId: 1,
      stageId: 2,
      industryId: 7,
      name: "Landing page: Jane O'Neil",
      description: 'Address: 350 Fifth Avenue, New York, NY 10118\nDate of birth: 1985-04-23',
      contact: { firstName: 'Jane', lastName: "O'Neil", email: 'jane.oneil@example.com', phone: '+12125550123' },
    });
  });
});
