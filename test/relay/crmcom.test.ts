import { expect } from '@open-wc/testing';
import { GOOD_LEAD, testRelay, withSettings } from '../helpers/relay.js';
import { script } from '../helpers/standins.js';
import { STANDIN_CREDENTIALS } from '../standins/credentials.js';
import type { RecordedRequest } from '../standins/index.js';
import { adapterContract } from './contract.js';

const body = (request: RecordedRequest | undefined) => request?.body as Record<string, unknown>;
const created = (requests: readonly RecordedRequest[]) => body(requests.find((request) => request.path.endsWith('/leads/create')));
const EXISTING_CONTACT = withSettings('crmcom', { contactIdentifier: { id: 'F038161F36C845B98CEE7361A8C92157' } });

adapterContract('crmcom', {
  accepted: [{ name: 'status.code OK', expect: { httpStatus: 201, status: 'accepted', code: 'OK' } }],
  duplicate: { undocumented: 'CRM.COM documents no dedupe; each call creates one lead, and the relay’s idempotency key keeps retries single' },
  invalid: {
    undocumented: 'CRM.COM publishes no error codes, so a refusal cannot be pinned on one of the person’s fields: it is rejected for the operator',
  },
  rejected: [
    {
      name: 'a mandatory parameter missing',
      script: [{ status: 200, body: { status: { code: 'MANDATORY_FIELD_MISSING', message: 'type_identifier is mandatory', description: null }, data: null } }],
      expect: { httpStatus: 201, status: 'rejected', code: 'MANDATORY_FIELD_MISSING' },
    },
    {
      name: 'a login CRM.COM refuses',
      config: withSettings('crmcom', { password: { env: 'MLAS_CLIENT_SECRET' } }),
      expect: { httpStatus: 201, status: 'rejected', code: 'unauthorised' },
    },
  ],
  failed: [
    {
      name: 'HTTP 503 with Retry-After: turned away before it was processed',
      script: [{ status: 503, headers: { 'retry-after': '2' } }],
      expect: { httpStatus: 502, status: 'failed', retryable: true },
    },
    {
      name: 'the login endpoint down: no token, so nothing was sent',
      config: withSettings('crmcom', { baseUrl: 'http://127.0.0.1:9/crm' }),
      expect: { httpStatus: 502, status: 'failed', code: 'token_unavailable', retryable: true },
    },
  ],
  uncertain: [{ name: 'HTTP 500: it may be stored, and each call creates one lead', script: [{ mode: 'failing' }], expect: { httpStatus: 201, status: 'uncertain', retryable: false } }],
  timeoutAfterReceipt: [{ name: 'each call creates one lead', expect: 'uncertain' }],
  conditional: [
    {
      name: 'assigned_to where no ACR rule assigns leads, missing: the operator’s',
      script: [{ mode: 'needsAssignment' }],
      expect: { httpStatus: 201, status: 'rejected', code: 'MANDATORY_FIELD_MISSING' },
    },
    {
      name: 'assigned_to where no ACR rule assigns leads, configured',
      config: withSettings('crmcom', { assignedTo: { user_identifier: { username: 'sales.desk' } } as never }),
      script: [{ mode: 'needsAssignment' }],
      expect: { httpStatus: 201, status: 'accepted', code: 'OK' },
      sent: (requests) => expect(created(requests)['assigned_to']).to.deep.equal({ user_identifier: { username: 'sales.desk' } }),
    },
    {
      name: 'an existing contact that is a customer, without its accounts receivable: the operator’s',
      config: EXISTING_CONTACT,
      script: [{ mode: 'customer' }],
      expect: { httpStatus: 201, status: 'rejected', code: 'MANDATORY_FIELD_MISSING' },
    },
    {
      name: 'an existing contact that is a customer, with its accounts receivable',
      config: (file) => withSettings('crmcom', { accountsReceivableIdentifier: { number: 'AR0001' } })(EXISTING_CONTACT(file)),
      script: [{ mode: 'customer' }],
      expect: { httpStatus: 201, status: 'accepted', code: 'OK' },
      sent: (requests) => {
        expect(created(requests)['contact_information']).to.deep.equal({ id: 'F038161F36C845B98CEE7361A8C92157' });
        expect(created(requests)['accounts_receivable_identifier']).to.deep.equal({ number: 'AR0001' });
      },
    },
    {
      name: 'a completion time the account requires, missing: the operator’s',
      script: [{ mode: 'needsCompletion' }],
      expect: { httpStatus: 201, status: 'rejected', code: 'MANDATORY_FIELD_MISSING' },
    },
    {
      name: 'a completion time the account requires, as days from the lead',
      config: withSettings('crmcom', { expectedCompletionDays: 14 }),
      script: [{ mode: 'needsCompletion' }],
      expect: { httpStatus: 201, status: 'accepted', code: 'OK' },
      sent: (requests) => {
        const expected = new Date(Date.now() + 14 * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
        expect(created(requests)['expected_completion_date']).to.equal(expected);
      },
    },
    {
      name: 'UTM values and person fields to udf_string_* by configuration; the rest into description',
      config: withSettings('crmcom', { udfStrings: { udf_string_1: '{utm_source}', udf_string_2: '{company}' } }),
      envelope: { lead: { ...GOOD_LEAD, company: 'ABC Inc' }, tracking: { utm_source: 'google' } },
      expect: { httpStatus: 201, status: 'accepted', code: 'OK' },
      sent: (requests) => {
        expect(created(requests)).to.include({ udf_string_1: 'google', udf_string_2: 'ABC Inc' });
        expect(created(requests)['description']).to.equal('Address: 350 Fifth Avenue, New York, NY 10118\nDate of birth: 1985-04-23');
      },
    },
  ],
  misconfigured: [
    { name: 'a priority outside 1–6', config: withSettings('crmcom', { priority: '9' }), refusal: /settings\.priority: "9" is not one of 1, 2, 3, 4, 5, 6/ },
    { name: 'an importance the seed does not list', config: withSettings('crmcom', { importance: 'HIGH' }), refusal: /settings\.importance: "HIGH" is not one of IMPORTANCE1/ },
    { name: 'a type identifier with two keys', config: withSettings('crmcom', { typeIdentifier: { name: 'Web Lead', id: '7' } }), refusal: /settings\.typeIdentifier: must be an object with exactly one of id, name, alternative_code/ },
    { name: 'a source type that needs a record’s identifier', config: withSettings('crmcom', { sourceType: 'COMMUNICATIONS' }), refusal: /settings\.sourceType: "COMMUNICATIONS" is not one of/ },
    { name: 'a user-defined field the API does not have', config: withSettings('crmcom', { udfStrings: { udf_string_9: '{utm_source}' } }), refusal: /settings\.udfStrings: "udf_string_9" is not one of udf_string_1/ },
    { name: 'an accounts receivable without the contact it belongs to', config: withSettings('crmcom', { accountsReceivableIdentifier: { number: 'AR1' } }), refusal: /settings\.accountsReceivableIdentifier: must belong to the contact/ },
    {
      name: 'both completion settings',
      config: withSettings('crmcom', { expectedCompletionDays: 3, estimatedCompletionTime: { time: 3 } as never }),
      refusal: /settings\.expectedCompletionDays: give it or estimatedCompletionTime, not both/,
    },
  ],
});

describe('crmcom on the wire', () => {
  it('logs in, then creates the lead with the token in the body and the configured type, importance, priority and source', async () => {
    const relay = testRelay();
    const answer = await relay.create('crmcom', { lead: GOOD_LEAD });
    expect(answer.body['outcome']).to.include({ status: 'accepted' });
    expect(relay.outcomes.at(-1)).to.include({ status: 'accepted', code: 'OK' });
    const [login, create] = await relay.received();
    expect(login?.path).to.equal(`/standins/crmcom/${relay.scenario}/crmapi/rest/v2/authentication/token`);
    const { username, password, organisation } = STANDIN_CREDENTIALS.crmcom;
    expect(login?.body).to.deep.equal({ username, password, organisation });
    expect(create?.path).to.equal(`/standins/crmcom/${relay.scenario}/crmapi/rest/v2/leads/create`);
    const body = create?.body as Record<string, unknown>;
    expect(body['token']).to.match(/^[0-9A-F]{32}$/);
    expect({ ...body, token: '…' }).to.deep.equal({
      token: '…',
      type_identifier: { name: 'Web Lead' },
      importance: 'IMPORTANCE3',
      priority: '3',
      contact_information: { type: 'PERSON', first_name: 'Jane', last_name: "O'Neil" },
      source: { type: 'WEBSITE', name: 'lp.example.com' },
      contact_email: 'jane.oneil@example.com',
      contact_phone: '+12125550123',
      description: 'Address: 350 Fifth Avenue, New York, NY 10118\nDate of birth: 1985-04-23',
    });
  });

  it('keeps the token for the next lead', async () => {
    const relay = testRelay();
    await relay.create('crmcom', { lead: GOOD_LEAD });
    await relay.create('crmcom', { lead: GOOD_LEAD });
    const logins = (await relay.received()).filter((request) => request.path.endsWith('/token'));
    expect(logins).to.have.length(1);
  });

  it('logs in once more when the token has expired, and delivers', async () => {
    const relay = testRelay();
    await relay.create('crmcom', { lead: GOOD_LEAD });
    await script(relay.scenario, { mode: 'expireToken' });
    const answer = await relay.create('crmcom', { lead: GOOD_LEAD });
    expect(answer.body['outcome'].status).to.equal('accepted');
    const paths = (await relay.received()).map((request) => request.path.split('/').pop());
    expect(paths).to.deep.equal(['token', 'create', 'create', 'token', 'create']);
  });
});
