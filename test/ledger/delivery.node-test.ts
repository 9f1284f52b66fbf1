// Background delivery: the worker claims due leads with a lease (FOR UPDATE SKIP LOCKED), sends each
// with its own idempotency key on the retry schedule, and never resends what may already be at a
// destination that would store it twice.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import type { Outcome } from '../../src/adapters/lead.js';
import { receive } from '../../src/ledger/intake.js';
import { claimDue, type ClaimedLead } from '../../src/ledger/queue.js';
import { DEFAULT_DELIVERY } from '../../src/ledger/settings.js';
import { startWorker, workerPass, type WorkerOptions } from '../../src/ledger/worker.js';
import { onEachEngine } from './engines.js';
import { ACCEPTED, createRequest, NOT_DELIVERED, receivedAndTried, seconds, stateOf, T0 } from './samples.js';

const MAYBE_DELIVERED: Outcome = { status: 'failed', retryable: false, delivery: 'maybe_delivered', code: 'timeout' };

/** A destination the test switches on and off, counting what it received. */
function destination(answers: Outcome[]) {
  const received: ClaimedLead[] = [];
  return {
    received,
    deliver: async (lead: ClaimedLead) => {
      received.push(lead);
      return answers.shift() ?? ACCEPTED;
    },
  };
}

onEachEngine('background delivery', ({ engine, another }) => {
  function options(clock: { now: Date }, deliver: WorkerOptions['deliver'], resendsSafely = false): WorkerOptions {
    return { engine: engine(), delivery: DEFAULT_DELIVERY, deliver, resendsSafely: () => resendsSafely, claimSeconds: 75, now: () => clock.now };
  }

  it('delivers a lead queued while the destination was down exactly once when it comes back, on the schedule', async () => {
    const lead = await receivedAndTried(engine(), NOT_DELIVERED);
    assert.equal((await stateOf(engine(), lead.id)).state, 'queued');
    const clock = { now: seconds(T0, 59) };
    const down = destination([NOT_DELIVERED]);
    assert.equal(await workerPass(options(clock, down.deliver)), 0, 'not due before the first delay (60 s)');
    clock.now = seconds(T0, 60);
    assert.equal(await workerPass(options(clock, down.deliver)), 1);
    assert.equal((await stateOf(engine(), lead.id)).state, 'queued', 'still down: queued for the second delay (300 s)');
    clock.now = seconds(T0, 60 + 299);
    assert.equal(await workerPass(options(clock, down.deliver)), 0);
    clock.now = seconds(T0, 60 + 300);
    assert.equal(await workerPass(options(clock, down.deliver)), 1);
    assert.equal(await workerPass(options(clock, down.deliver)), 0);
    assert.deepEqual(await stateOf(engine(), lead.id), { state: 'delivered', attempts: 3, envelope: JSON.parse(JSON.stringify(lead.envelope)) });
    assert.deepEqual(down.received.map((each) => each.idempotencyKey), [lead.key, lead.key], 'sent twice in the background, with the lead\'s own key');
    const events = await engine().query<{ state: string; actor: string }>('SELECT state, actor FROM ledger_events WHERE lead_id = $1 ORDER BY id', [lead.id]);
    assert.deepEqual(events.map((event) => `${event.actor}:${event.state}`), [
      'relay:received', 'relay:delivering', 'relay:queued', 'worker:delivering', 'worker:queued', 'worker:delivering', 'worker:delivered',
    ]);
  });

  it('gives every due lead to exactly one of several workers claiming at once', async () => {
    const leads = await Promise.all(Array.from({ length: 12 }, () => receivedAndTried(engine(), NOT_DELIVERED)));
    const engines = another ? [engine(), await another(), await another()] : [engine(), engine(), engine()];
    const now = seconds(T0, 61);
    const claims = await Promise.all(engines.map((each) => claimDue(each, now, seconds(now, 75), 5)));
    const claimed = claims.flat().map((lead) => lead.id).sort();
    assert.equal(claimed.length, 12);
    assert.deepEqual(claimed, leads.map((lead) => lead.id).sort(), 'each lead once, none twice');
  });

  it('leaves a maybe-delivered failure uncertain, for an operator, and never resends it', async () => {
    const lead = await receivedAndTried(engine(), MAYBE_DELIVERED);
    assert.equal((await stateOf(engine(), lead.id)).state, 'uncertain');
    const clock = { now: seconds(T0, 86_400) };
    const never = destination([]);
    assert.equal(await workerPass(options(clock, never.deliver)), 0);
    assert.equal(never.received.length, 0);
  });

  it('takes over a claim abandoned mid-call: uncertain at a destination that does not deduplicate', async () => {
    const { request, lead } = createRequest();
    await receive(engine(), request, lead);
    const clock = { now: seconds(lead.claimedUntil, -1) };
    const dest = destination([]);
    assert.equal(await workerPass(options(clock, dest.deliver)), 0, 'the claim is still live');
    clock.now = lead.claimedUntil;
    assert.equal(await workerPass(options(clock, dest.deliver)), 1);
    assert.equal(dest.received.length, 0, 'not sent again');
    assert.equal((await stateOf(engine(), lead.id)).state, 'uncertain');
    const [last] = await engine().query<{ outcome: { code: string } }>('SELECT outcome FROM ledger_events WHERE lead_id = $1 ORDER BY id DESC LIMIT 1', [lead.id]);
    assert.equal(last!.outcome.code, 'claim_abandoned');
  });

  it('takes over a claim abandoned mid-call: resent with the same key to a destination that deduplicates', async () => {
    const { request, lead } = createRequest();
    await receive(engine(), request, lead);
    const dest = destination([]);
    assert.equal(await workerPass(options({ now: lead.claimedUntil }, dest.deliver, true)), 1);
    assert.equal(dest.received[0]?.idempotencyKey, request.key);
    assert.equal(dest.received[0]?.takenOver, true);
    assert.equal((await stateOf(engine(), lead.id)).state, 'delivered');
  });

  it('fails a lead still undelivered when its next try would fall past maxAgeHours', async () => {
    const delivery = { ...DEFAULT_DELIVERY, retryDelaysSeconds: [3600], maxAgeHours: 2 };
    const lead = await receivedAndTried(engine(), NOT_DELIVERED, T0, delivery);
    const down = destination([NOT_DELIVERED, NOT_DELIVERED]);
    const clock = { now: seconds(T0, 3600) };
    await workerPass({ ...options(clock, down.deliver), delivery });
    assert.equal((await stateOf(engine(), lead.id)).state, 'queued');
    clock.now = seconds(T0, 7200);
    await workerPass({ ...options(clock, down.deliver), delivery });
    assert.equal((await stateOf(engine(), lead.id)).state, 'failed');
  });

  it('treats an adapter that throws as maybe delivered', async () => {
    await receivedAndTried(engine(), NOT_DELIVERED);
    const clock = { now: seconds(T0, 60) };
    await workerPass(options(clock, async () => Promise.reject(new Error('adapter bug'))));
    const [row] = await engine().query<{ state: string }>('SELECT state FROM ledger_leads');
    assert.equal(row!.state, 'uncertain');
  });

  it('runs passes by itself until stopped, purging at start, and goes on after a pass that failed', async () => {
    const lead = await receivedAndTried(engine(), NOT_DELIVERED);
    const clock = { now: seconds(T0, 60) };
    const errors: unknown[] = [];
    const purges: unknown[] = [];
    let failNext = true;
    const flaky = {
      ...engine(),
      transaction: <T>(work: Parameters<ReturnType<typeof engine>['transaction']>[0]) => {
        if (failNext) {
          failNext = false;
          return Promise.reject(new Error('connection lost')) as Promise<T>;
        }
        return engine().transaction(work) as Promise<T>;
      },
    };
    const dest = destination([]);
    const worker = startWorker({
      ...options(clock, dest.deliver), engine: flaky, pollMs: 20, retention: { consentDays: 1826, leadDays: 30 },
      onError: (error) => errors.push(error), onPurged: (report) => purges.push(report),
    });
    const deadline = Date.now() + 10_000;
    while ((await stateOf(engine(), lead.id)).state !== 'delivered' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await worker.stop();
    assert.equal((await stateOf(engine(), lead.id)).state, 'delivered');
    assert.equal(dest.received.length, 1);
    assert.deepEqual(errors.map((error) => (error as Error).message), ['connection lost']);
    assert.deepEqual(purges, [{ erased: 0, deleted: 0 }]);
  });
});
