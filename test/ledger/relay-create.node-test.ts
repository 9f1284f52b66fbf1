// The relay's create step through the ledger (src/relay/ledger-create.ts): written before the
// destination is called, one synchronous try, every answer final, a repeated key answered from the
// ledger, and nothing sent when the ledger cannot be written.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { CreateResult } from '../../src/adapters/adapter.js';
import type { Outcome } from '../../src/adapters/lead.js';
import { receive } from '../../src/ledger/intake.js';
import { DEFAULT_DELIVERY } from '../../src/ledger/settings.js';
import { createThroughLedger, type CreateRequest } from '../../src/relay/ledger-create.js';
import { onEachEngine } from './engines.js';
import { ACCEPTED, createRequest, ENVELOPE, NOT_DELIVERED, seconds, stateOf, T0 } from './samples.js';

function request(key: string, results: CreateResult[], calls: { count: number }, now = () => T0): CreateRequest {
  return {
    destination: 'pingtree',
    key,
    requestHash: 'hash',
    envelope: ENVELOPE,
    seen: { receivedAt: T0, clientIp: '203.0.113.7' },
    timeoutMs: 5000,
    now,
    send: async () => {
      calls.count += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return results.shift() ?? { outcome: ACCEPTED, next: null };
    },
    answerFor: async (outcome: Outcome, next) => ({ status: outcome.status === 'queued' ? 202 : 201, body: { id: `id-for-${key}`, outcome, next } }),
  };
}

async function leadState(engine: Parameters<typeof stateOf>[0]): Promise<string> {
  const [row] = await engine.query<{ id: string }>('SELECT id FROM ledger_leads');
  return (await stateOf(engine, row!.id)).state;
}

onEachEngine('the relay\'s create step with the ledger', ({ engine }) => {
  const ledger = () => ({ engine: engine(), delivery: DEFAULT_DELIVERY, waitMs: 2000 });

  it('answers 202 queued for a failure safe to resend, and the lead waits in the queue', async () => {
    const calls = { count: 0 };
    const first = await createThroughLedger(ledger(), request('k-queued', [{ outcome: NOT_DELIVERED, next: null }], calls));
    assert.deepEqual(first, { kind: 'answer', replayed: false, answer: { status: 202, body: { id: 'id-for-k-queued', outcome: { status: 'queued', retryable: false }, next: null } } });
    assert.equal(await leadState(engine()), 'queued');
    const again = await createThroughLedger(ledger(), request('k-queued', [], calls));
    assert.deepEqual(again, { ...first, replayed: true });
    assert.equal(calls.count, 1, 'the repeat never reached the destination');
  });

  it('answers uncertain for a failure that may have reached a destination that does not deduplicate', async () => {
    const maybe: Outcome = { status: 'failed', retryable: false, delivery: 'maybe_delivered', code: 'timeout' };
    const answered = await createThroughLedger(ledger(), request('k-maybe', [{ outcome: maybe, next: null }], { count: 0 }));
    assert.equal(answered.kind === 'answer' && (answered.answer.body['outcome'] as Outcome).status, 'uncertain');
    assert.equal(await leadState(engine()), 'uncertain');
  });

  it('gives ten concurrent requests with one key one destination call and one answer', async () => {
    const calls = { count: 0 };
    const answers = await Promise.all(Array.from({ length: 10 }, () => createThroughLedger(ledger(), request('k-race', [], calls))));
    assert.equal(calls.count, 1);
    const bodies = answers.map((each) => (each.kind === 'answer' ? each.answer : each));
    for (const body of bodies) assert.deepEqual(body, bodies[0]);
    assert.equal((await engine().query('SELECT id FROM ledger_leads')).length, 1);
  });

  it('answers a key whose try was abandoned by a dead instance from the ledger: queued, the worker owns it', async () => {
    const dead = createRequest('k-dead', T0);
    await receive(engine(), { ...dead.request, requestHash: 'hash' }, dead.lead);
    const calls = { count: 0 };
    const later = () => seconds(dead.lead.claimedUntil, 1);
    const answered = await createThroughLedger({ ...ledger(), waitMs: 50 }, request('k-dead', [], calls, later));
    assert.deepEqual(answered, { kind: 'answer', replayed: false, answer: { status: 202, body: { id: 'id-for-k-dead', outcome: { status: 'queued', retryable: false }, next: null } } });
    assert.equal(calls.count, 0);
  });

  it('answers busy while another live request holds the key past the wait', async () => {
    const live = createRequest('k-live', T0);
    await receive(engine(), { ...live.request, requestHash: 'hash' }, live.lead);
    assert.deepEqual(await createThroughLedger({ ...ledger(), waitMs: 50 }, request('k-live', [], { count: 0 })), { kind: 'busy' });
  });

  it('sends nothing when the ledger cannot be written', async () => {
    const calls = { count: 0 };
    const refused = async () => Promise.reject(new Error('connection refused'));
    const broken = { ...engine(), query: refused, transaction: refused };
    assert.deepEqual(await createThroughLedger({ ...ledger(), engine: broken }, request('k-down', [], calls)), { kind: 'unavailable' });
    assert.equal(calls.count, 0);
  });
});
