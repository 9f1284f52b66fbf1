import { expect } from '@open-wc/testing';
import { GOOD_LEAD, testRelay, withSettings } from '../helpers/relay.js';
import { STANDIN_CREDENTIALS } from '../standins/credentials.js';
import { adapterContract } from './contract.js';

adapterContract('trackerrms', {
  accepted: [{ name: 'status 0 success', expect: { httpStatus: 201, status: 'accepted', code: '0' } }],
  duplicate: [
    {
      name: 'status 3, record found and cannot be overwritten (sibling widget calls)',
      script: [{ status: 200, body: { status: 3, message: 'record found and cannot be overwritten', count: 0, recordId: 0, recordName: '' } }],
      expect: { httpStatus: 201, status: 'duplicate', code: '3' },
    },
  ],
  invalid: [
    {
      name: 'status 99 invalid request',
      config: withSettings('trackerrms', { leadNameTemplate: '{nothing}' }),
      expect: { httpStatus: 201, status: 'invalid', code: '99' },
    },
  ],
  rejected: [
    {
      name: 'status 1 user not found (wrong password)',
      config: withSettings('trackerrms', { password: { env: 'CRMCOM_PASSWORD' } }),
      expect: { httpStatus: 201, status: 'rejected', code: '1' },
    },
    { name: 'status 2 user not active', script: [{ mode: 'inactive' }], expect: { httpStatus: 201, status: 'rejected', code: '2' } },
  ],
  failed: [
    {
      name: 'HTTP 503 with Retry-After: turned away before it was processed',
      script: [{ status: 503, headers: { 'retry-after': '2' } }],
      expect: { httpStatus: 502, status: 'failed', retryable: true },
    },
  ],
  uncertain: [{ name: 'HTTP 500: it may be stored, and TrackerRMS creates a lead on every call', script: [{ mode: 'failing' }], expect: { httpStatus: 201, status: 'uncertain', retryable: false } }],
});

describe('trackerrms on the wire', () => {
  it('posts the trackerrms.createLead envelope: credentials, instructions and the lead', async () => {
    const relay = testRelay();
    const answer = await relay.create('trackerrms', { lead: { ...GOOD_LEAD, company: 'ABC Incorporated', job_title: 'Managing Director', country: 'US' } });
    expect(answer.body['outcome']).to.deep.equal({ status: 'accepted', retryable: false, code: '0', destinationId: '5001' });
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
