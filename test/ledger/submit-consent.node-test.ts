// The consent step's own record (MLAS, consent after create; issue 15): it travels with the submit
// step, is checked as the create step's consent is, and is kept in the lead's consent evidence, so
// the evidence export lists it for a lead that was created without consent.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Engine } from '../../src/ledger/engine.js';
import { exportEvidence } from '../../src/ledger/operator.js';
import { createStandins } from '../standins/index.js';
import { standinRelayConfig } from '../standins/relay-config.js';
import { onEachEngine } from './engines.js';
import { CONSENT, LEAD, PAGE, STANDINS, ledgerRelay, scriptAnswers } from './mlas-relay.js';

const CERT_URL = `https://cert.trustedform.com/${'a'.repeat(40)}`;

/** A relay on `engine` delivering to the stand-ins in-process; MLAS qualifies the lead and defers consent. */
async function mlasRelay(engine: Engine) {
  const scenario = `submit-consent-${crypto.randomUUID()}`;
  const standins = createStandins();
  await scriptAnswers(standins, scenario, [{ mode: 'pingPost' }]);
  const post = ledgerRelay(engine, standins, standinRelayConfig(STANDINS, scenario, [PAGE]));
  const created = await post('/v1/leads', { destination: 'mlas', lead: LEAD, bot: { honeypot: '', elapsedMs: 10_000 } });
  assert.equal(created.body['next'], 'submit', JSON.stringify(created.body));
  const submit = (extra: Record<string, unknown>) => post('/v1/leads/submit', { id: created.body['id'], mobile: '+12125550123', trustedform: { certUrl: CERT_URL }, ...extra });
  return { submit };
}

onEachEngine('the consent step’s record at the relay', ({ engine }) => {
  it('keeps the consent record sent with the submit step in the lead’s evidence, listed by the export', async () => {
    const { submit } = await mlasRelay(engine());
    const before = await exportEvidence(engine(), undefined);
    assert.equal(before[0]?.consent, null, 'created without consent: no record yet');
    const answer = await submit({ consent: CONSENT });
    assert.equal(answer.status, 201, JSON.stringify(answer.body));
    assert.equal(answer.body['outcome'].status, 'accepted');
    const [record] = await exportEvidence(engine(), undefined);
    assert.deepEqual(record?.consent, {
      text: CONSENT.text, sha256: CONSENT.sha256, sellers: CONSENT.sellers, version: CONSENT.version,
      checkedAt: CONSENT.checkedAt, submittedAt: CONSENT.submittedAt, pageUrl: CONSENT.pageUrl,
    });
    assert.deepEqual(record?.phones, ['+12125550123'], 'the number the consent covers');
    assert.equal(record?.trustedformCertUrl, CERT_URL);
    assert.equal(record?.clientIp, '203.0.113.9');
  });

  it('refuses a consent record whose hash is not its text’s (422), and sends nothing on', async () => {
    const { submit } = await mlasRelay(engine());
    const answer = await submit({ consent: { ...CONSENT, sha256: '0'.repeat(64) } });
    assert.equal(answer.status, 422);
    assert.ok('consent.sha256' in answer.body['errors'], JSON.stringify(answer.body));
    const [record] = await exportEvidence(engine(), undefined);
    assert.equal(record?.consent, null);
  });
});
