// MLAS, consent after create: a person who left at the consent step and came back later under a new
// key is answered 1003 with the id of their first lead. With the ledger, the relay knows that lead
// as its own (its partnerLeadId is a key the ledger holds) on every instance and after a restart: the
// consent step is offered on it again, and its submit completes it once, with this visit's evidence.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Engine } from '../../src/ledger/engine.js';
import { exportEvidence } from '../../src/ledger/operator.js';
import { createStandins } from '../standins/index.js';
import type { RecordedRequest } from '../standins/recorder.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { onEachEngine } from './engines.js';
import { CONSENT, LEAD, PAGE, STANDINS, ledgerRelay, scriptAnswers, type Post } from './mlas-relay.js';

const VISIT_CERT_ID = 'b'.repeat(40);
const VISIT_CERT_URL = `https://cert.trustedform.com/${VISIT_CERT_ID}`;

/** The MLAS stand-in of one scenario, and relays over it: each call to `relay()` is another instance (or a restart) on the same ledger. */
async function mlasWorld(engine: Engine, firstMode?: string, required?: string[]) {
  const scenario = `mlas-takeover-${crypto.randomUUID()}`;
  const standins = createStandins();
  if (firstMode) await scriptAnswers(standins, scenario, [{ mode: firstMode }]);
  const relay = (): Post => {
    const standard = standinRelayConfig(STANDINS, scenario, [PAGE]);
    const file = required ? { ...standard, destinations: { ...standard.destinations, mlas: { ...standard.destinations['mlas']!, required } } } : standard;
    return ledgerRelay(engine, standins, file);
  };
  const create = (post: Post, lead: Record<string, string> = LEAD) => post('/v1/leads', { destination: 'mlas', lead, bot: { honeypot: '', elapsedMs: 10_000 } });
  const graphql = async () => {
    const log = (await (await standins.request(`/standins/_log/${scenario}`)).json()) as RecordedRequest[];
    return log.filter((request) => request.path.endsWith('/graphql')).map((request) => request.body as { query: string; variables: { input?: Record<string, unknown> } });
  };
  const submitLeads = async () => (await graphql()).filter((body) => body.query.includes('submitLead(')).map((body) => body.variables.input);
  const createdIds = async () => (await (await standins.request(`/standins/_delivered/${scenario}`)).json()) as string[];
  return { relay, create, submitLeads, createdIds };
}

onEachEngine('MLAS: the same person again after leaving at the consent step, with the ledger', ({ engine }) => {
  it('offers the consent step on the earlier lead, even on another instance; the submit completes it once, with this visit’s consent', async () => {
    const world = await mlasWorld(engine(), 'pingPost');
    const first = await world.create(world.relay());
    assert.equal(first.body['next'], 'submit', JSON.stringify(first.body));
    const earlierId = first.body['outcome'].destinationId as string;
    // Later, a fresh browser (a new key) reaches another instance (or the relay after a restart).
    const again = await world.create(world.relay());
    assert.equal(again.status, 201, JSON.stringify(again.body));
    assert.equal(again.body['outcome'].status, 'qualified');
    assert.equal(again.body['outcome'].destinationId, earlierId);
    assert.equal(again.body['next'], 'submit');
    const submitted = await world.relay()('/v1/leads/submit', { id: again.body['id'], mobile: '+13125550199', trustedform: { certUrl: VISIT_CERT_URL }, consent: CONSENT });
    assert.equal(submitted.status, 201, JSON.stringify(submitted.body));
    assert.equal(submitted.body['outcome'].status, 'accepted');
    // The first visit's id, come back, finds the step done: its answer, no second submitLead.
    const late = await world.relay()('/v1/leads/submit', { id: first.body['id'], trustedform: { certUrl: `https://cert.trustedform.com/${'c'.repeat(40)}` } });
    assert.equal(late.body['outcome'].status, 'accepted');
    assert.deepEqual(await world.submitLeads(), [{ leadId: earlierId, trustedformCertificateID: VISIT_CERT_ID, mobilePhone: '3125550199' }]);
    assert.equal((await world.createdIds()).length, 1, 'one record at MLAS');
    // The consent evidence is the earlier lead's, the one MLAS completed: this visit's record, number and certificate.
    const withConsent = (await exportEvidence(engine(), undefined)).filter((record) => record.consent !== null);
    assert.equal(withConsent.length, 1);
    assert.equal(withConsent[0]?.destinationId, earlierId);
    assert.equal(withConsent[0]?.consent?.checkedAt, CONSENT.checkedAt);
    assert.deepEqual(withConsent[0]?.phones, ['+13125550199']);
    assert.equal(withConsent[0]?.trustedformCertUrl, VISIT_CERT_URL);
  });

  it('an earlier lead already submitted stays a duplicate, on any instance', async () => {
    const world = await mlasWorld(engine());
    const first = await world.create(world.relay());
    await world.relay()('/v1/leads/submit', { id: first.body['id'], trustedform: { certUrl: VISIT_CERT_URL } });
    const again = await world.create(world.relay());
    assert.equal(again.body['outcome'].status, 'duplicate', JSON.stringify(again.body));
    assert.equal(again.body['next'], null);
    assert.equal((await world.submitLeads()).length, 1);
  });

  it('another partner’s lead, qualified and never submitted, stays a duplicate: never a submitLead on it', async () => {
    const world = await mlasWorld(engine(), 'duplicate');
    const created = await world.create(world.relay());
    assert.equal(created.body['outcome'].status, 'duplicate', JSON.stringify(created.body));
    assert.equal(created.body['next'], null);
    assert.equal((await world.submitLeads()).length, 0);
  });

  it('the same email with another mobile stays a duplicate, on any instance: no submitLead on the earlier lead', async () => {
    const world = await mlasWorld(engine(), 'pingPost');
    const first = await world.create(world.relay());
    assert.equal(first.body['next'], 'submit', JSON.stringify(first.body));
    const other = await world.create(world.relay(), { ...LEAD, mobile: '+13125550199' });
    assert.equal(other.status, 201, JSON.stringify(other.body));
    assert.equal(other.body['outcome'].status, 'duplicate', JSON.stringify(other.body));
    assert.equal(other.body['next'], null);
    assert.deepEqual(await world.submitLeads(), []);
  });

  it('an earlier lead sent without a mobile stays a duplicate: nothing tells it is the same person', async () => {
    // A form that asks for the home phone, the mobile optional.
    const world = await mlasWorld(engine(), undefined, ['first_name', 'last_name', 'email', 'home_phone', 'address', 'city', 'state', 'zip_code', 'date_of_birth']);
    const { mobile: _mobile, ...withoutMobile } = LEAD;
    const first = await world.create(world.relay(), { ...withoutMobile, home_phone: LEAD.mobile });
    assert.equal(first.body['next'], 'submit', JSON.stringify(first.body));
    const again = await world.create(world.relay(), { ...LEAD, home_phone: LEAD.mobile });
    assert.equal(again.body['outcome'].status, 'duplicate', JSON.stringify(again.body));
    assert.equal(again.body['next'], null);
    assert.deepEqual(await world.submitLeads(), []);
  });
});
