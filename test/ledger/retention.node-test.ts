// Retention and the shared rate limit: personal data erased leadDays after a lead settles, the
// consent evidence kept consentDays; one count per client across every instance.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LedgerAnswerStore } from '../../src/ledger/answer-store.js';
import { lookup } from '../../src/ledger/intake.js';
import { SharedRateLimiter } from '../../src/ledger/rate-limit.js';
import { purge } from '../../src/ledger/retention.js';
import { DEFAULT_RETENTION } from '../../src/ledger/settings.js';
import { onEachEngine } from './engines.js';
import { ACCEPTED, CONSENT_SHA256, receivedAndTried, seconds, stateOf, T0 } from './samples.js';

const DAY = 86_400;
const MAYBE_DELIVERED = { status: 'failed', retryable: false, delivery: 'maybe_delivered' } as const;

onEachEngine('retention', ({ engine, another }) => {
  it('erases a delivered lead\'s personal data leadDays after delivery, keeping its consent evidence, state and key', async () => {
    const lead = await receivedAndTried(engine(), ACCEPTED);
    assert.deepEqual(await purge(engine(), DEFAULT_RETENTION, seconds(T0, 30 * DAY - 1)), { erased: 0, deleted: 0 });
    assert.deepEqual(await purge(engine(), DEFAULT_RETENTION, seconds(T0, 30 * DAY)), { erased: 1, deleted: 0 });
    assert.deepEqual(await stateOf(engine(), lead.id), { state: 'delivered', attempts: 1, envelope: null });
    const [evidence] = await engine().query<{ sha256: string; phones: string[] }>('SELECT sha256, phones FROM ledger_consent WHERE lead_id = $1', [lead.id]);
    assert.deepEqual(evidence, { sha256: CONSENT_SHA256, phones: ['+12125550123'] });
    assert.equal((await lookup(engine(), 'create:pingtree', lead.key, `hash-of-${JSON.stringify(lead.envelope).length}`))?.kind, 'pending');
  });

  it('keeps an uncertain lead\'s data until an operator settles it', async () => {
    const lead = await receivedAndTried(engine(), MAYBE_DELIVERED);
    await purge(engine(), DEFAULT_RETENTION, seconds(T0, 365 * DAY));
    assert.notEqual((await stateOf(engine(), lead.id)).envelope, null);
  });

  it('deletes the lead with its evidence, events and keys consentDays (five years) after it arrived', async () => {
    await receivedAndTried(engine(), ACCEPTED);
    assert.equal((await purge(engine(), DEFAULT_RETENTION, seconds(T0, 1826 * DAY - 1))).deleted, 0);
    assert.deepEqual(await purge(engine(), DEFAULT_RETENTION, seconds(T0, 1826 * DAY)), { erased: 0, deleted: 1 });
    for (const table of ['ledger_leads', 'ledger_consent', 'ledger_events', 'ledger_idempotency']) {
      assert.equal((await engine().query(`SELECT 1 FROM ${table}`)).length, 0, `${table} still holds the lead`);
    }
  });

  it('counts a client\'s requests across instances in one window, and starts again in the next', async () => {
    const engines = another ? [engine(), await another()] : [engine(), engine()];
    const limiters = engines.map((each) => new SharedRateLimiter(each, 3, 60));
    const now = Date.parse('2026-11-30T10:00:10Z');
    const waits = [];
    for (let index = 0; index < 5; index += 1) waits.push(await limiters[index % 2]!.take('203.0.113.7', now));
    assert.deepEqual(waits, [0, 0, 0, 50, 50], 'the fourth request waits until the window ends, 50 s later');
    assert.equal(await limiters[0]!.take('198.51.100.1', now), 0, 'another client has its own count');
    assert.equal(await limiters[1]!.take('203.0.113.7', now + 50_000), 0);
  });
});

onEachEngine('the answer store', ({ engine, another }) => {
  it('remembers an answer for every instance, replaces it when asked, and lets retention take it after leadDays', async () => {
    const here = new LedgerAnswerStore(engine(), () => T0);
    const there = new LedgerAnswerStore(another ? await another() : engine(), () => T0);
    assert.equal(await there.get('submit:mlas:k1'), undefined);
    await here.set('submit:mlas:k1', { status: 201, body: { outcome: { status: 'invalid' } }, requestHash: 'a' }, 3600);
    assert.deepEqual(await there.get('submit:mlas:k1'), { status: 201, body: { outcome: { status: 'invalid' } }, requestHash: 'a' });
    await there.set('submit:mlas:k1', { status: 201, body: { outcome: { status: 'accepted' } }, requestHash: 'b' }, 3600);
    assert.equal((await here.get('submit:mlas:k1'))?.requestHash, 'b');
    await purge(engine(), DEFAULT_RETENTION, seconds(T0, 30 * DAY));
    assert.equal(await here.get('submit:mlas:k1'), undefined);
  });
});
