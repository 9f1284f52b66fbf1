import { expect } from '@open-wc/testing';
import type { Outcome } from '../../src/adapters/lead.js';
import { MemoryIdempotencyStore } from '../../src/relay/idempotency.js';
import { AnswerMemory, oncePerLead, sameBodyOnly, type Answer } from '../../src/relay/once.js';

const answer = (status: Outcome['status'], retryable = false): Answer => ({ status: 201, body: { outcome: { status, retryable } } });

describe('AnswerMemory', () => {
  it('remembers final answers, uncertain and queued included, and not retryable failures', async () => {
    const store = new MemoryIdempotencyStore();
    const memory = new AnswerMemory(store);
    for (const status of ['uncertain', 'queued', 'accepted'] as const) {
      await memory.once(status, 'h', 60, sameBodyOnly, async () => answer(status));
      expect(await store.get(status), status).to.not.equal(undefined);
    }
    await memory.once('failed', 'h', 60, sameBodyOnly, async () => answer('failed', true));
    expect(await store.get('failed')).to.equal(undefined);
  });

  it('for the create step: the same body gets the first answer, another body a conflict', async () => {
    const memory = new AnswerMemory(new MemoryIdempotencyStore());
    let calls = 0;
    const work = async () => (calls++, answer('accepted'));
    await memory.once('k', 'h1', 60, sameBodyOnly, work);
    expect(await memory.once('k', 'h1', 60, sameBodyOnly, work)).to.deep.include({ kind: 'answer', replayed: true });
    expect(await memory.once('k', 'h2', 60, sameBodyOnly, work)).to.deep.equal({ kind: 'conflict' });
    expect(calls).to.equal(1);
  });

  it('for the submit step: any repeat gets a settled answer; only a correctable refusal runs again, for another body', async () => {
    const memory = new AnswerMemory(new MemoryIdempotencyStore());
    const calls: string[] = [];
    const outcomes: Outcome['status'][] = ['rejected', 'accepted'];
    const work = (hash: string) => async () => (calls.push(hash), answer(outcomes.shift()!));
    await memory.once('lead', 'empty', 60, oncePerLead, work('empty'));
    await memory.once('lead', 'empty', 60, oncePerLead, work('empty'));
    await memory.once('lead', 'with-cert', 60, oncePerLead, work('with-cert'));
    const settled = await memory.once('lead', 'anything', 60, oncePerLead, work('anything'));
    expect(calls).to.deep.equal(['empty', 'with-cert']);
    expect(settled).to.deep.include({ kind: 'answer', replayed: true });
  });
});

