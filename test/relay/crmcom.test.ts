import { expect } from '@open-wc/testing';
import { GOOD_LEAD, testRelay, withSettings } from '../helpers/relay.js';
import { script } from '../helpers/standins.js';
import { STANDIN_CREDENTIALS } from '../standins/credentials.js';
import { adapterContract } from './contract.js';

adapterContract('crmcom', {
  accepted: [{ name: 'status.code OK', expect: { httpStatus: 201, status: 'accepted', code: 'OK' } }],
  duplicate: { undocumented: 'CRM.COM documents no dedupe; each call creates one lead, and the relay’s idempotency key keeps retries single' },
  invalid: {
    undocumented: 'CRM.COM publishes no error codes, so a refused lead cannot be told from refused configuration: both read as rejected',
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
  ],
  uncertain: [{ name: 'HTTP 500: it may be stored, and each call creates one lead', script: [{ mode: 'failing' }], expect: { httpStatus: 201, status: 'uncertain', retryable: false } }],
  misconfigured: [
    { name: 'a priority outside 1–6', config: withSettings('crmcom', { priority: '9' }), refusal: /settings\.priority: "9" is not one of 1, 2, 3, 4, 5, 6/ },
    { name: 'an importance the seed does not list', config: withSettings('crmcom', { importance: 'HIGH' }), refusal: /settings\.importance: "HIGH" is not one of IMPORTANCE1/ },
  ],
});

describe('crmcom on the wire', () => {
  it('logs in, then creates the lead with the token in the body and the configured type, importance, priority and source', async () => {
    const relay = testRelay();
    const answer = await relay.create('crmcom', { lead: GOOD_LEAD });
    expect(answer.body['outcome']).to.include({ status: 'accepted', code: 'OK' });
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
      contact_information: { type: 'PERSON', first_name: 'Jane', last_name: "O'Neil", email: 'jane.oneil@example.com', phone: '+12125550123' },
      source: { type: 'WEBSITE', name: 'lp.example.com' },
      contact_email: 'jane.oneil@example.com',
      contact_phone: '+12125550123',
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
