import { expect } from '@open-wc/testing';
import type { DeliveryContext } from '../../src/adapters/adapter.js';
import type { Outcome } from '../../src/adapters/lead.js';
import type { FlowDependencies } from '../../src/flow/flow-dependencies.js';
import { sendWithRetries, type StepSends } from '../../src/flow/send-with-retries.js';

const ACCEPTED: Outcome = { status: 'accepted', retryable: false };
const DOWN: Outcome = { status: 'failed', retryable: true, code: 'network' };
const RETRYING = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, budgetMs: 30_000 };

/** A flow's dependencies whose clock moves only when it sleeps, and whose sleeps are recorded. */
function clockwork(options: Partial<FlowDependencies> = {}) {
  let time = 0;
  const waits: number[] = [];
  const dependencies: FlowDependencies = {
    adapter: { name: 'unused', create: async () => ({ outcome: ACCEPTED, next: null }) },
    fetch,
    now: () => new Date(time),
    random: () => 0.5,
    retry: RETRYING,
    sleep: async (ms) => {
      waits.push(ms);
      time += ms;
    },
    ...options,
  };
  return { dependencies, waits };
}

/** A step that answers from a list (the last answer again once it runs out) and records each send's context. */
function scripted(answers: Outcome[], more: Partial<StepSends<{ outcome: Outcome }>> = {}) {
  const contexts: DeliveryContext[] = [];
  const retries: number[] = [];
  const step: StepSends<{ outcome: Outcome }> = {
    idempotencyKey: 'key-1',
    send: async (context) => {
      contexts.push(context);
      return { outcome: answers.length > 1 ? answers.shift()! : answers[0]! };
    },
    withdrawn: () => false,
    retrying: (attempt) => retries.push(attempt),
    ...more,
  };
  return { step, contexts, retries };
}

describe('sendWithRetries (one step of one lead, sent until it settles)', () => {
  it('sends once when the first answer is final', async () => {
    const { dependencies, waits } = clockwork();
    const { step, contexts, retries } = scripted([ACCEPTED]);
    expect(await sendWithRetries(dependencies, step)).to.deep.equal({ outcome: ACCEPTED });
    expect(contexts).to.have.length(1);
    expect(retries).to.deep.equal([]);
    expect(waits).to.deep.equal([]);
  });

  it('sends again after a transient failure, every time with the same key and the flow’s fetch', async () => {
    const { dependencies } = clockwork();
    const { step, contexts, retries } = scripted([DOWN, DOWN, ACCEPTED]);
    expect((await sendWithRetries(dependencies, step)).outcome).to.deep.equal(ACCEPTED);
    expect(contexts.map((context) => context.idempotencyKey)).to.deep.equal(['key-1', 'key-1', 'key-1']);
    expect(contexts.every((context) => context.fetch === fetch && context.signal instanceof AbortSignal)).to.equal(true);
    expect(retries).to.deep.equal([2, 3]);
  });

  it('waits as the retry policy says, honouring a destination’s Retry-After', async () => {
    const { dependencies, waits } = clockwork();
    const { step } = scripted([{ ...DOWN, retryAfterSeconds: 5 }, DOWN, ACCEPTED]);
    await sendWithRetries(dependencies, step);
    // Half of 1 s is less than the 5 s asked for; then half of 2 s.
    expect(waits).to.deep.equal([5000, 1000]);
  });

  it('gives up after the policy’s last attempt and answers the last failure', async () => {
    const { dependencies } = clockwork();
    const { step, contexts } = scripted([DOWN]);
    expect((await sendWithRetries(dependencies, step)).outcome).to.deep.equal(DOWN);
    expect(contexts).to.have.length(RETRYING.maxAttempts);
  });

  it('gives up when the next wait would end beyond the time budget', async () => {
    const { dependencies, waits } = clockwork({ retry: { ...RETRYING, maxAttempts: 10, budgetMs: 1200 } });
    const { step, contexts } = scripted([DOWN]);
    await sendWithRetries(dependencies, step);
    // 500 ms, then 1000 ms would end at 1500 ms > 1200 ms.
    expect(waits).to.deep.equal([500]);
    expect(contexts).to.have.length(2);
  });

  it('does not send again a lead withdrawn while its send was on its way', async () => {
    const { dependencies, waits } = clockwork();
    let withdrawn = false;
    const { step, contexts } = scripted([DOWN], {
      send: async (context) => {
        contexts.push(context);
        withdrawn = true;
        return { outcome: DOWN };
      },
      withdrawn: () => withdrawn,
    });
    expect((await sendWithRetries(dependencies, step)).outcome).to.deep.equal(DOWN);
    expect(contexts).to.have.length(1);
    expect(waits).to.deep.equal([]);
  });

  it('does not send again a lead withdrawn during the wait', async () => {
    let withdrawn = false;
    const { dependencies } = clockwork({ sleep: async () => void (withdrawn = true) });
    const { step, contexts } = scripted([DOWN], { withdrawn: () => withdrawn });
    await sendWithRetries(dependencies, step);
    expect(contexts).to.have.length(1);
  });
});
