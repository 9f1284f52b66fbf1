import { expect } from '@open-wc/testing';
import { mlas, readMlasSubmitResponse } from '../../src/adapters/mlas.js';
import { CERT_URL, GOOD_LEAD, PAGE_ORIGIN, testRelay, withDestination, withSettings } from '../helpers/relay.js';
import { delivered, newScenario, script } from '../helpers/standins.js';
import { sha256Hex } from '../../src/consent/record.js';
import { STANDIN_CREDENTIALS, STANDIN_ENV } from '../standins/credentials.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { resolveRelayConfig } from '../../src/relay/config.js';
import { createRelay } from '../../src/relay/app.js';
import { MemoryIdempotencyStore, type IdempotencyStore, type StoredAnswer } from '../../src/relay/idempotency.js';
import type { RecordedRequest } from '../standins/index.js';
import { adapterContract } from './contract.js';

const CERT_ID = '981eef90ec965dd5a139170a4ad935b8b057baae';

const input = (request: RecordedRequest | undefined) => (request?.body as { variables: { input: Record<string, unknown> } }).variables.input;
const graphqlCalls = (requests: readonly RecordedRequest[]) => requests.filter((request) => request.path.endsWith('/graphql'));
const { first_name: _first, last_name: _last, ...LEAD_WITHOUT_NAMES } = GOOD_LEAD;
const QUICK_POLL = withSettings('mlas', { pollIntervalMs: 50, pollForMs: 300 });
const CONSENT_TEXT = 'By clicking Submit I agree that ACME may call me at the number I gave.';
/** Consent given by pressing the button under the disclosure: no box, so no time it was ticked. */
const BUTTON_CONSENT = {
  text: CONSENT_TEXT,
  sha256: await sha256Hex(CONSENT_TEXT),
  sellers: ['ACME'],
  checkedAt: null,
  submittedAt: new Date().toISOString(),
  pageUrl: 'https://lp.example.com/quote',
};

adapterContract('mlas', {
  accepted: [
    { name: '1001 unique, processing complete', script: [{ mode: 'unique' }], expect: { httpStatus: 201, status: 'accepted', code: '1001' } },
    { name: '1020 duplicate re-purchased', script: [{ mode: 'repurchased' }], expect: { httpStatus: 201, status: 'accepted', code: '1020' } },
    { name: '1013 qualified', expect: { httpStatus: 201, status: 'qualified', code: '1013' } },
    {
      name: '1000 Processing is pending: getLeadStatus is polled until the result (qualified)',
      config: QUICK_POLL,
      script: [{ mode: 'processing' }],
      expect: { httpStatus: 201, status: 'qualified', code: '1013' },
      sent: (requests) => expect(graphqlCalls(requests).map((request) => (request.body as { query: string }).query.match(/\{\s*(\w+)\(/)?.[1])).to.deep.equal(['createLead', 'getLeadStatus']),
    },
  ],
  duplicate: [
    { name: '1003 for another partner’s lead (getLeadStatus names another leadId)', script: [{ mode: 'duplicate' }], expect: { httpStatus: 201, status: 'duplicate', code: '1003' } },
    {
      name: '1003 for the same person sent again under a new key, after the first lead was submitted',
      before: async (relay) => {
        const first = await relay.create('mlas', { lead: GOOD_LEAD });
        await relay.submit(first.body['id'], {});
      },
      expect: { httpStatus: 201, status: 'duplicate', code: '1003' },
    },
  ],
  invalid: [
    {
      name: 'a GraphQL validation error (BAD_USER_INPUT): a one-word full name leaves the lastName MLAS requires empty',
      // A form that asks for a full name covers both names (the adapter splits it); a person who
      // gives one word gives MLAS no lastName, a value it refuses and the relay cannot know it will.
      config: withDestination('mlas', { required: ['full_name', 'email', 'mobile', 'address', 'city', 'state', 'zip_code', 'date_of_birth'] }),
      envelope: { lead: { ...LEAD_WITHOUT_NAMES, full_name: 'Cher' } },
      expect: { httpStatus: 201, status: 'invalid', code: 'BAD_USER_INPUT' },
      sent: (requests) => {
        expect(input(graphqlCalls(requests)[0])).to.include({ firstName: 'Cher' });
        expect(input(graphqlCalls(requests)[0])).to.not.have.property('lastName');
      },
    },
  ],
  rejected: [
    { name: 'an unknown resultCode (1018) is final', script: [{ mode: 'unknownCode' }], expect: { httpStatus: 201, status: 'rejected', code: '1018' } },
    {
      name: 'a client secret MLAS refuses',
      config: withSettings('mlas', { clientSecret: { env: 'IVVY_API_SECRET' } }),
      expect: { httpStatus: 201, status: 'rejected', code: 'unauthorised' },
    },
  ],
  failed: [
    { name: '9999 processing error', script: [{ mode: 'error' }], expect: { httpStatus: 502, status: 'failed', code: '9999', retryable: true } },
    { name: 'HTTP 503', script: [{ status: 503 }], expect: { httpStatus: 502, status: 'failed', retryable: true } },
    {
      name: '1000 for longer than the poll: MLAS holds the lead, and a resend is answered 1003 and resolved',
      config: QUICK_POLL,
      script: [{ mode: 'processingLong' }],
      expect: { httpStatus: 502, status: 'failed', code: '1000', retryable: true },
    },
    {
      name: 'the token endpoint down: nothing was sent',
      config: withSettings('mlas', { tokenUrl: 'http://127.0.0.1:9/token' }),
      expect: { httpStatus: 502, status: 'failed', code: 'token_unavailable', retryable: true },
    },
  ],
  uncertain: { deduplicates: 'MLAS deduplicates by our leadId: a resend answers 1003 with the first record’s id' },
  timeoutAfterReceipt: [
    {
      name: 'createLead held past the bound, the lead qualified meanwhile',
      config: withSettings('mlas', { timeoutMs: 400, pollForMs: 200 }),
      expect: 'resolved-by-resend',
      then: async (relay, resend) => {
        // The resend's 1003 was resolved through getLeadStatus into the lead's real result …
        expect(resend.body['outcome']).to.include({ status: 'qualified' });
        expect(relay.outcomes.at(-1)).to.include({ status: 'qualified', code: '1013' });
        expect(resend.body['next']).to.equal('submit');
        // … so the qualified lead still gets its submitLead.
        const submitted = await relay.submit(resend.body['id'], {});
        expect(submitted.body['outcome']).to.include({ status: 'accepted' });
        expect(relay.outcomes.at(-1)).to.include({ status: 'accepted', code: '200' });
      },
    },
  ],
  conditional: [
    {
      name: 'termsConsent true when consent came by the button, with no box',
      envelope: { lead: GOOD_LEAD, consent: BUTTON_CONSENT },
      expect: { httpStatus: 201, status: 'qualified' },
      sent: (requests) => expect(input(graphqlCalls(requests)[0])).to.include({ termsConsent: true }),
    },
    {
      name: 'termsConsent left out without consent evidence, never a false the person did not say',
      expect: { httpStatus: 201, status: 'qualified' },
      sent: (requests) => expect(input(graphqlCalls(requests)[0])).to.not.have.property('termsConsent'),
    },
    {
      name: 'homePhone, which MLAS requires, from the home phone when there is one; cellPhone only from a mobile',
      envelope: { lead: { ...GOOD_LEAD, home_phone: '+13125550188' } },
      expect: { httpStatus: 201, status: 'qualified' },
      sent: (requests) => expect(input(graphqlCalls(requests)[0])).to.include({ homePhone: '3125550188', cellPhone: '2125550123' }),
    },
  ],
  misconfigured: [
    { name: 'a poll longer than the step’s bound', config: withSettings('mlas', { timeoutMs: 30000, pollForMs: 30000 }), refusal: /settings\.pollForMs: must be shorter than timeoutMs/ },
    { name: 'a timeout that is not a number', config: withSettings('mlas', { timeoutMs: '60s' }), refusal: /settings\.timeoutMs: must be a number of milliseconds/ },
    {
      name: 'a required list without what LeadInput requires of every lead',
      config: withDestination('mlas', { required: ['email'] }),
      refusal: /^destinations\.mlas\.required: mlas requires first_name or full_name, .*, date_of_birth of every lead \(seed 000\); add them$/,
    },
    { name: 'a GraphQL endpoint that is not a URL', config: withSettings('mlas', { graphqlUrl: 'leads.alleviate.com/graphql' }), refusal: /settings\.graphqlUrl: must be an http\(s\) URL/ },
  ],
});

describe('mlas on the wire', () => {
  it('gets a client-credentials token, then sends createLead with the documented LeadInput', async () => {
    const relay = testRelay();
    await relay.create('mlas', { lead: GOOD_LEAD, trustedform: { certUrl: CERT_URL } }, { key: 'key-mlas-000001' });
    const [token, graphql] = await relay.received();
    expect(token?.body).to.deep.equal({
      grant_type: 'client_credentials',
      client_id: STANDIN_CREDENTIALS.mlas.clientId,
      client_secret: STANDIN_CREDENTIALS.mlas.clientSecret,
      scope: STANDIN_CREDENTIALS.mlas.scope,
    });
    expect(graphql?.headers['authorization']).to.match(/^Bearer eyJ\./);
    const body = graphql?.body as { query: string; variables: { input: Record<string, unknown> } };
    expect(body.query).to.contain('createLead(input: $input) { id resultCode note partnerLeadId bidValue }');
    expect(body.variables.input).to.deep.equal({
      firstName: 'Jane',
      lastName: "O'Neil",
      email: 'jane.oneil@example.com',
      homePhone: '2125550123',
      cellPhone: '2125550123',
      address1: '350 Fifth Avenue',
      city: 'New York',
      state: 'NY',
      zipCode: '10118',
      dateOfBirth: '1985-04-23',
      leadId: 'key-mlas-000001',
      trustedformCertificateID: CERT_ID,
    });
  });

  it('reuses the token for the next lead instead of logging in again', async () => {
    const relay = testRelay();
    await relay.create('mlas', { lead: GOOD_LEAD });
    await relay.create('mlas', { lead: { ...GOOD_LEAD, email: 'second@example.com' } });
    const tokenCalls = (await relay.received()).filter((request) => request.path.endsWith('/token'));
    expect(tokenCalls).to.have.length(1);
  });

  it('fetches a new token once when MLAS answers 401, and delivers', async () => {
    const relay = testRelay();
    await relay.create('mlas', { lead: GOOD_LEAD });
    await script(relay.scenario, { mode: 'expireToken' });
    const answer = await relay.create('mlas', { lead: { ...GOOD_LEAD, email: 'second@example.com' } });
    expect(answer.body['outcome'].status).to.equal('qualified');
    const paths = (await relay.received()).map((request) => request.path.split('/').pop());
    expect(paths).to.deep.equal(['token', 'graphql', 'graphql', 'token', 'graphql']);
  });

  it('qualified → next is "submit"; submitLead carries the internal id, certificate ID and 10-digit mobile', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(created.body['next']).to.equal('submit');
    const submitted = await relay.submit(created.body['id'], { trustedform: { certUrl: CERT_URL }, mobile: '+13125550199' });
    expect(submitted.status).to.equal(201);
    expect(submitted.body['outcome']).to.include({ status: 'accepted' });
    expect(relay.outcomes.at(-1)).to.include({ status: 'accepted', code: '200' });
    const requests = await relay.received();
    expect(requests.map((request) => request.path.split('/').pop())).to.deep.equal(['token', 'graphql', 'graphql']);
    const input = (requests[2]?.body as { variables: { input: Record<string, unknown> } }).variables.input;
    expect(Object.keys(input).sort()).to.deep.equal(['leadId', 'mobilePhone', 'trustedformCertificateID']);
    expect(input['trustedformCertificateID']).to.equal(CERT_ID);
    expect(input['mobilePhone']).to.equal('3125550199');
    expect(input['leadId']).to.match(/^[0-9a-f-]{36}$/);
  });

  it('not qualified (1001) → next is null: nothing to submit', async () => {
    const relay = testRelay();
    await script(relay.scenario, { mode: 'unique' });
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(created.body['next']).to.equal(null);
    const submitted = await relay.submit(created.body['id'], {});
    expect(submitted.status).to.equal(409);
  });

  it('a submit MLAS has already seen (the relay restarted in between) answers 208 already submitted: success, not an error', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    await relay.submit(created.body['id'], {}, { key: 'submit-key-0001' });
    const restarted = testRelay(undefined, relay.scenario);
    const again = await restarted.submit(created.body['id'], {}, { key: 'submit-key-0002' });
    expect(again.body['outcome']).to.include({ status: 'accepted' });
    expect(restarted.outcomes.at(-1)).to.include({ status: 'accepted', code: '208' });
  });

  it('deferred consent: a ping-post lead submitted without a certificate gets 400, then goes through with one', async () => {
    const relay = testRelay();
    await script(relay.scenario, { mode: 'pingPost' });
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    const missing = await relay.submit(created.body['id'], {});
    expect(missing.body['outcome']).to.include({ status: 'rejected', code: 'trustedform_required' });
    const withCertificate = await relay.submit(created.body['id'], { trustedform: { certUrl: CERT_URL } });
    expect(withCertificate.body['outcome']).to.include({ status: 'accepted' });
    expect(relay.outcomes.at(-1)).to.include({ status: 'accepted', code: '200' });
  });

  it('a certificate that fails verification gets 422, final', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    await script(relay.scenario, { mode: 'certFails' });
    const submitted = await relay.submit(created.body['id'], { trustedform: { certUrl: CERT_URL } });
    expect(submitted.body['outcome']).to.deep.equal({ status: 'rejected', retryable: false, code: 'trustedform_failed' });
  });

  it('503 from submitLead (TrustedForm verification down) is retryable, and a retry delivers', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    await script(relay.scenario, { mode: 'tfDown' });
    const first = await relay.submit(created.body['id'], {}, { key: 'submit-retry-0001' });
    expect(first.status).to.equal(502);
    expect(first.body['outcome']).to.include({ status: 'failed', retryable: true });
    expect(relay.outcomes.at(-1)).to.include({ status: 'failed', code: '503' });
    const retry = await relay.submit(created.body['id'], {}, { key: 'submit-retry-0001' });
    expect(retry.body['outcome']).to.include({ status: 'accepted' });
  });

  it('500 from submitLead is retryable', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    await script(relay.scenario, { mode: 'serverError' });
    const submitted = await relay.submit(created.body['id'], {});
    expect(submitted.body['outcome']).to.include({ status: 'failed', retryable: true });
    expect(relay.outcomes.at(-1)).to.include({ status: 'failed', code: '500' });
  });

  it('refuses a forged or edited lead id for the submit step', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    const id = created.body['id'] as string;
    const [payload, signature] = id.split('.');
    const edited = `${btoa(JSON.stringify(['mlas', 'someone-elses-lead', 'k'])).replace(/=+$/, '')}.${signature}`;
    expect((await relay.submit(edited, {})).status).to.equal(404);
    expect((await relay.submit(`${payload}.AAAA`, {})).status).to.equal(404);
    expect((await relay.submit('not-an-id', {})).status).to.equal(404);
  });

  it('checks the submit step’s mobile and certificate before calling MLAS', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    const badMobile = await relay.submit(created.body['id'], { mobile: '555-123' });
    expect(badMobile.status).to.equal(422);
    expect(badMobile.body['codes']).to.deep.equal({ mobile: 'phone_length' });
    const badCertificate = await relay.submit(created.body['id'], { trustedform: { certUrl: 'https://evil.example/x' } });
    expect(badCertificate.status).to.equal(422);
  });

  it('the seed’s own submitLead answer (statusCode 1021, crm AFS) is success, its CRM record kept', async () => {
    const relay = testRelay();
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    await script(relay.scenario, { mode: 'seedExample' });
    const submitted = await relay.submit(created.body['id'], {});
    // MLAS's own code stays in the relay (issue 11); its CRM record id travels.
    expect(submitted.body['outcome']).to.include({ status: 'accepted', destinationId: '3rb1h2o3gql' });
    expect(relay.outcomes.at(-1)).to.include({ code: '1021', destinationSystem: 'AFS' });
  });

  it('keeps the CRM submitLead names (crm) with the outcome', () => {
    const outcome = readMlasSubmitResponse(
      { status: 200, headers: {}, body: { data: { submitLead: { leadId: 'lead_abc123def456', statusCode: 1021, crmRecordId: '3rb1h2o3gql', crm: 'AFS', partnerLeadId: 'PARTNER-LEAD-12345' } } } },
      new Date(),
    );
    expect(outcome).to.deep.equal({ status: 'accepted', retryable: false, code: '1021', destinationId: '3rb1h2o3gql', destinationSystem: 'AFS' });
  });

  it('asks for a longer bound than the relay’s default: createLead blocks until the workflow completes', () => {
    expect(mlas({ graphqlUrl: 'https://x', tokenUrl: 'https://y', clientId: 'c', clientSecret: 's', scope: 'api://z/.default' }).timeoutMs).to.equal(60_000);
    expect(mlas({ graphqlUrl: 'https://x', tokenUrl: 'https://y', clientId: 'c', clientSecret: 's', scope: 'api://z/.default', timeoutMs: 90_000 }).timeoutMs).to.equal(90_000);
  });
});

/** The certificate of the second visit's consent step: not the first's. */
const VISIT_CERT_ID = '0123456789abcdef0123456789abcdef01234567';
const VISIT_CERT_URL = `https://cert.trustedform.com/${VISIT_CERT_ID}`;
const operation = (request: RecordedRequest) => (request.body as { query: string }).query.match(/\{\s*(\w+)\(/)?.[1];
const submitLeadCalls = async (relay: ReturnType<typeof testRelay>) => graphqlCalls(await relay.received()).filter((request) => operation(request) === 'submitLead');

/** The MLAS adapter as the relay builds it for `scenario`'s stand-in, to call on its own (outside the relay). */
function standinAdapter(scenario: string) {
  const config = resolveRelayConfig(standinRelayConfig(`${location.origin}/standins`, scenario, [PAGE_ORIGIN]), STANDIN_ENV);
  return config.destinations.get('mlas')!.adapter;
}

describe('mlas: the same person again after leaving at the consent step (ping-post, 1003)', () => {
  it('offers the consent step again on the earlier lead; its submit completes that record once, with this visit’s certificate', async () => {
    const relay = testRelay();
    await script(relay.scenario, { mode: 'pingPost' });
    const first = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(first.body['next']).to.equal('submit');
    const earlierId = relay.outcomes.at(-1)?.destinationId;
    // The person leaves at "One last step", then comes back in a fresh browser (a new key) with the same details.
    const again = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(again.status).to.equal(201);
    expect(again.body['outcome']).to.include({ status: 'qualified' });
    expect(again.body['next']).to.equal('submit');
    expect(relay.outcomes.at(-1)).to.include({ status: 'qualified', code: '1013', destinationId: earlierId });
    const submitted = await relay.submit(again.body['id'], { trustedform: { certUrl: VISIT_CERT_URL }, mobile: '+13125550199' });
    expect(submitted.body['outcome']).to.include({ status: 'accepted' });
    expect(relay.outcomes.at(-1)).to.include({ status: 'accepted', code: '200' });
    // The first visit's id, if its tab comes back, finds the step done: the same answer, no second submitLead.
    const late = await relay.submit(first.body['id'], { trustedform: { certUrl: CERT_URL } });
    expect(late.body['outcome']).to.include({ status: 'accepted' });
    const submits = await submitLeadCalls(relay);
    expect(submits).to.have.length(1);
    expect(input(submits[0])).to.deep.equal({ leadId: earlierId, trustedformCertificateID: VISIT_CERT_ID, mobilePhone: '3125550199' });
    expect(await delivered(relay.scenario)).to.have.length(1, 'one record at MLAS');
  });

  it('a third visit after the second completed the step gets a duplicate: the step is not offered again', async () => {
    const relay = testRelay();
    await relay.create('mlas', { lead: GOOD_LEAD });
    const second = await relay.create('mlas', { lead: GOOD_LEAD });
    await relay.submit(second.body['id'], { trustedform: { certUrl: VISIT_CERT_URL } });
    const third = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(third.body['outcome']).to.include({ status: 'duplicate' });
    expect(third.body['next']).to.equal(null);
    expect(await submitLeadCalls(relay)).to.have.length(1);
  });

  it('an earlier lead already submitted stays a duplicate, and nothing is submitted again', async () => {
    const relay = testRelay();
    const first = await relay.create('mlas', { lead: GOOD_LEAD });
    await relay.submit(first.body['id'], { trustedform: { certUrl: CERT_URL } });
    const again = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(again.body['outcome']).to.include({ status: 'duplicate' });
    expect(again.body['next']).to.equal(null);
    expect(relay.outcomes.at(-1)).to.include({ status: 'duplicate', code: '1003' });
    expect(await submitLeadCalls(relay)).to.have.length(1);
  });

  it('another partner’s lead, qualified and never submitted, stays a duplicate: never a submitLead on it', async () => {
    const relay = testRelay();
    await script(relay.scenario, { mode: 'duplicate' });
    const created = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(created.body['outcome']).to.include({ status: 'duplicate' });
    expect(created.body['next']).to.equal(null);
    expect(await submitLeadCalls(relay)).to.have.length(0);
  });

  it('a lead the relay cannot vouch for (sent before a restart, with no ledger to remember it) stays a duplicate', async () => {
    const before = testRelay();
    await before.create('mlas', { lead: GOOD_LEAD });
    const restarted = testRelay(undefined, before.scenario);
    const again = await restarted.create('mlas', { lead: GOOD_LEAD });
    expect(again.body['outcome']).to.include({ status: 'duplicate' });
    expect(again.body['next']).to.equal(null);
  });

  it('a lead MLAS already submitted, where the relay no longer knows it was, is done at the submit: 208 → accepted', async () => {
    const relay = testRelay();
    const first = await relay.create('mlas', { lead: GOOD_LEAD });
    const earlierId = relay.outcomes.at(-1)?.destinationId as string;
    // Submitted by another way than this relay's memory records (its answer forgotten, or an operator's call).
    const direct = await standinAdapter(relay.scenario).submit!(earlierId, {}, { fetch: (request, init) => fetch(request, init), now: () => new Date(), idempotencyKey: 'operator-0001' });
    expect(direct).to.include({ status: 'accepted', code: '200' });
    expect(first.body['next']).to.equal('submit');
    const again = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(again.body['next']).to.equal('submit');
    const submitted = await relay.submit(again.body['id'], { trustedform: { certUrl: VISIT_CERT_URL } });
    expect(submitted.body['outcome']).to.include({ status: 'accepted' });
    expect(relay.outcomes.at(-1)).to.include({ status: 'accepted', code: '208' });
  });

  it('used outside the relay (no lookup of its own leads), the adapter keeps calling another key’s lead a duplicate', async () => {
    const relay = testRelay();
    await relay.create('mlas', { lead: GOOD_LEAD });
    const adapter = standinAdapter(relay.scenario);
    const result = await adapter.create({ lead: GOOD_LEAD }, { fetch: (request, init) => fetch(request, init), now: () => new Date(), idempotencyKey: 'outside-0001' });
    expect(result.outcome).to.include({ status: 'duplicate', code: '1003' });
    expect(result.next).to.equal(null);
  });
});

describe('mlas: another person who types the same email cannot take over the waiting lead (the mobile tells them apart)', () => {
  // A form that asks for the home phone, the mobile optional.
  const WITHOUT_MOBILE = withDestination('mlas', { required: ['first_name', 'last_name', 'email', 'home_phone', 'address', 'city', 'state', 'zip_code', 'date_of_birth'] });
  const { mobile: _mobile, ...LEAD_WITHOUT_MOBILE } = GOOD_LEAD;

  it('the same email with another mobile stays a duplicate: no submitLead, nothing of this visit attached to the earlier lead', async () => {
    const relay = testRelay();
    await script(relay.scenario, { mode: 'pingPost' });
    const first = await relay.create('mlas', { lead: GOOD_LEAD });
    expect(first.body['next']).to.equal('submit');
    const other = await relay.create('mlas', { lead: { ...GOOD_LEAD, mobile: '(312) 555-0199' } });
    expect(other.body['outcome']).to.include({ status: 'duplicate' });
    expect(other.body['next']).to.equal(null);
    expect(relay.outcomes.at(-1)).to.include({ status: 'duplicate', code: '1003' });
    expect(await submitLeadCalls(relay)).to.have.length(0);
  });

  it('the same mobile written another way (no +1, punctuation) is the same person, and takes over', async () => {
    const relay = testRelay();
    await relay.create('mlas', { lead: GOOD_LEAD });
    const again = await relay.create('mlas', { lead: { ...GOOD_LEAD, mobile: '(212) 555-0123' } });
    expect(again.body['next']).to.equal('submit');
    expect(again.body['outcome']).to.include({ status: 'qualified' });
  });

  it('an earlier lead sent without a mobile stays a duplicate: nothing tells it is the same person', async () => {
    const relay = testRelay(WITHOUT_MOBILE);
    const first = await relay.create('mlas', { lead: { ...LEAD_WITHOUT_MOBILE, home_phone: '+12125550123' } });
    expect(first.body['next']).to.equal('submit');
    const again = await relay.create('mlas', { lead: { ...GOOD_LEAD, home_phone: '+12125550123' } });
    expect(again.body['outcome']).to.include({ status: 'duplicate' });
    expect(again.body['next']).to.equal(null);
    expect(await submitLeadCalls(relay)).to.have.length(0);
  });

  it('a later lead without a mobile stays a duplicate of an earlier one with it', async () => {
    const relay = testRelay(WITHOUT_MOBILE);
    await relay.create('mlas', { lead: { ...GOOD_LEAD, home_phone: '+12125550123' } });
    const again = await relay.create('mlas', { lead: { ...LEAD_WITHOUT_MOBILE, home_phone: '+12125550123' } });
    expect(again.body['outcome']).to.include({ status: 'duplicate' });
    expect(again.body['next']).to.equal(null);
  });

  it('without a ledger, the relay’s memory keeps a keyed hash of the waiting lead’s mobile, never the number', async () => {
    const kept: { key: string; answer: StoredAnswer }[] = [];
    const memory = new MemoryIdempotencyStore();
    const store: IdempotencyStore = {
      get: (key) => memory.get(key),
      set: (key, answer, ttlSeconds) => (kept.push({ key, answer }), memory.set(key, answer, ttlSeconds)),
    };
    const scenario = newScenario();
    const app = createRelay(resolveRelayConfig({ ...standinRelayConfig(`${location.origin}/standins`, scenario, [PAGE_ORIGIN]), allowRequestsWithoutOrigin: true }, STANDIN_ENV), {
      fetch: (request, init) => fetch(request, init),
      now: () => new Date(),
      clientAddress: () => '203.0.113.9',
      store,
    });
    const create = () =>
      app.request('/v1/leads', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID() },
        body: JSON.stringify({ destination: 'mlas', lead: GOOD_LEAD, bot: { honeypot: '', elapsedMs: 10_000 } }),
      });
    await create();
    const again = (await (await create()).json()) as Record<string, any>;
    expect(again['next'], 'the same person takes over').to.equal('submit');
    expect(kept.map((entry) => entry.key.split(':')[0])).to.include('person');
    const everything = JSON.stringify(kept);
    for (const number of ['2125550123', '+12125550123']) expect(everything).to.not.include(number);
    const person = kept.find((entry) => entry.key.startsWith('person:'))!.answer.body as Record<string, unknown>;
    expect(Object.keys(person)).to.deep.equal(['mobile']);
    expect(person['mobile']).to.match(/^[0-9a-f]{64}$/);
  });
});
