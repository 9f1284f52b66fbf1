import { expect } from '@open-wc/testing';
import { GOOD_LEAD, testRelay, withSettings } from '../helpers/relay.js';
import type { RecordedRequest } from '../standins/index.js';
import { STANDIN_CREDENTIALS } from '../standins/credentials.js';
import { adapterContract } from './contract.js';

const API_KEY_ONLY = withSettings('trackerrms', { username: undefined, password: undefined, apiKey: { env: 'TRACKERRMS_API_KEY' } });
const OAUTH_ONLY = withSettings('trackerrms', { username: undefined, password: undefined, oauthToken: { env: 'TRACKERRMS_OAUTH_TOKEN' } });
const createLead = (request: RecordedRequest | undefined) => (request?.body as { trackerrms: { createLead: Record<string, Record<string, unknown>> } }).trackerrms.createLead;

adapterContract('trackerrms', {
  accepted: [
    { name: 'status 0 success', expect: { httpStatus: 201, status: 'accepted', code: '0' } },
    { name: 'status 0 in the seed’s own sample answer, which is not valid JSON (“”)', script: [{ mode: 'seedSample' }], expect: { httpStatus: 201, status: 'accepted', code: '0' } },
  ],
  duplicate: {
    undocumented: 'createLead documents status 0, 1, 2 and 99 only; "3 record found and cannot be overwritten" belongs to sibling calls, so it is not taken for a duplicate (see rejected)',
  },
  invalid: { undocumented: 'TrackerRMS publishes no field rules: 99 "Invalid request" names no field and comes from how the request was built, so it is rejected for the operator' },
  rejected: [
    {
      name: 'status 1 user not found (wrong password)',
      config: withSettings('trackerrms', { password: { env: 'CRMCOM_PASSWORD' } }),
      expect: { httpStatus: 201, status: 'rejected', code: '1' },
    },
    { name: 'status 2 user not active', script: [{ mode: 'inactive' }], expect: { httpStatus: 201, status: 'rejected', code: '2' } },
    { name: 'status 99 invalid request', script: [{ status: 200, body: { status: 99, message: 'Invalid request', count: 0, recordId: 0, recordName: '' } }], expect: { httpStatus: 201, status: 'rejected', code: '99' } },
    {
      name: 'status 3, which the createLead document does not list: not a duplicate, its number kept',
      script: [{ status: 200, body: { status: 3, message: 'record found and cannot be overwritten', count: 0, recordId: 0, recordName: '' } }],
      expect: { httpStatus: 201, status: 'rejected', code: '3' },
    },
  ],
  failed: [
    {
      name: 'HTTP 503 with Retry-After: turned away before it was processed',
      script: [{ status: 503, headers: { 'retry-after': '2' } }],
      expect: { httpStatus: 502, status: 'failed', retryable: true },
    },
  ],
  uncertain: [{ name: 'HTTP 500: it may be stored, and TrackerRMS creates a lead on every call', script: [{ mode: 'failing' }], expect: { httpStatus: 201, status: 'uncertain', retryable: false } }],
  timeoutAfterReceipt: [{ name: 'nothing deduplicates a lead', expect: 'uncertain' }],
  conditional: [
    {
      name: 'an API key alone is a credential',
      config: API_KEY_ONLY,
      expect: { httpStatus: 201, status: 'accepted', code: '0' },
      sent: ([request]) => expect(createLead(request)['credentials']).to.deep.equal({ apikey: STANDIN_CREDENTIALS.trackerrms.apiKey }),
    },
    {
      name: 'an OAuth token goes in the body and as a Bearer header',
      config: OAUTH_ONLY,
      expect: { httpStatus: 201, status: 'accepted', code: '0' },
      sent: ([request]) => {
        expect(createLead(request)['credentials']).to.deep.equal({ oauthtoken: STANDIN_CREDENTIALS.trackerrms.oauthToken });
        expect(request?.headers['authorization']).to.equal(`Bearer ${STANDIN_CREDENTIALS.trackerrms.oauthToken}`);
      },
    },
    {
      name: 'leadname never empty: a template whose placeholders the lead lacks falls back to the default',
      config: withSettings('trackerrms', { leadNameTemplate: '{company}' }),
      expect: { httpStatus: 201, status: 'accepted', code: '0' },
      sent: ([request]) => expect(createLead(request)['lead']?.['leadname']).to.equal("Website: Jane O'Neil"),
    },
  ],
  misconfigured: [
    { name: 'no credential at all', config: withSettings('trackerrms', { username: undefined, password: undefined }), refusal: /TrackerRMS needs one kind of credential/ },
    { name: 'a username without its password', config: withSettings('trackerrms', { password: undefined }), refusal: /settings\.password: username and password go together/ },
    { name: 'a lead person type the seed does not list', config: withSettings('trackerrms', { leadPersonType: 'C' }), refusal: /settings\.leadPersonType: "C" is not one of N, R/ },
  ],
});

describe('trackerrms on the wire', () => {
  it('posts the trackerrms.createLead envelope: credentials, instructions and the lead', async () => {
    const relay = testRelay();
    const answer = await relay.create('trackerrms', { lead: { ...GOOD_LEAD, company: 'ABC Incorporated', job_title: 'Managing Director', country: 'US' } });
    expect(answer.body['outcome']).to.deep.equal({ status: 'accepted', retryable: false, destinationId: '5001' });
    expect(relay.outcomes.at(-1)).to.include({ code: '0' });
    const [request] = await relay.received();
    expect(request?.path).to.equal(`/standins/trackerrms/${relay.scenario}/api/widget/createLead`);
    expect(request?.body).to.deep.equal({
      trackerrms: {
        createLead: {
          credentials: { username: STANDIN_CREDENTIALS.trackerrms.username, password: STANDIN_CREDENTIALS.trackerrms.password },
          instructions: { createpersonifnotexists: true, notifydepartment: false },
          lead: {
            leadname: "Website: Jane O'Neil",
            department: 'Sales',
            source: 'Website',
            leadpersontype: 'N',
            firstname: 'Jane',
            lastname: "O'Neil",
            fullname: "Jane O'Neil",
            jobtitle: 'Managing Director',
            company: 'ABC Incorporated',
            address1: '350 Fifth Avenue',
            city: 'New York',
            state: 'NY',
            zipcode: '10118',
            country: 'United States',
            cellphone: '2125550123',
            email: 'jane.oneil@example.com',
          },
        },
      },
    });
  });

  it('reads success from the body’s status, not the HTTP code', async () => {
    const relay = testRelay();
    await (await import('../helpers/standins.js')).script(relay.scenario, { status: 200, body: { status: 1, message: 'user not found' } });
    const answer = await relay.create('trackerrms', { lead: GOOD_LEAD });
    expect(answer.body['outcome'].status).to.equal('rejected');
  });
});
