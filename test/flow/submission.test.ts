import { expect } from '@open-wc/testing';
import type { Adapter, CreateResult } from '../../src/adapters/adapter.js';
import type { Outcome } from '../../src/adapters/lead.js';
import { MemoryOutbox } from '../../src/flow/outbox.js';
import { SubmissionFlow, type FlowDependencies, type FlowState } from '../../src/flow/submission.js';

const ACCEPTED: Outcome = { status: 'accepted', retryable: false };
const DOWN: Outcome = { status: 'failed', retryable: true, code: 'network' };
const REJECTED: Outcome = { status: 'rejected', retryable: false };

/** An adapter that answers from a list and remembers the keys it was called with. */
function scriptedAdapter(...answers: CreateResult[]): Adapter & { keys: string[]; submits: string[] } {
  const keys: string[] = [];
  const submits: string[] = [];
  return {
    name: 'scripted',
    keys,
    submits,
    async create(_envelope, context) {
      keys.push(context.idempotencyKey);
      return answers.shift() ?? { outcome: ACCEPTED, next: null };
    },
    async submit(reference, _input, context) {
      submits.push(`${reference}:${context.idempotencyKey}`);
      return ACCEPTED;
    },
  };
}

/** One send per step: these tests are about keys and phases; retries have their own below. */
const ONE_ATTEMPT = { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0, budgetMs: 0 };

function flowWith(adapter: Adapter, options: Partial<FlowDependencies> = {}): SubmissionFlow {
  let n = 0;
  return new SubmissionFlow({ adapter, fetch, now: () => new Date(0), newKey: () => `key-${++n}`, retry: ONE_ATTEMPT, ...options });
}

const LEAD = { lead: { email: 'a@b.co' } };

describe('SubmissionFlow', () => {
  it('goes idle → sending → done for an accepted lead', async () => {
    const flow = flowWith(scriptedAdapter());
    const phases: FlowState['phase'][] = [];
    flow.subscribe((state) => phases.push(state.phase));
    await flow.create(LEAD);
    expect(phases).to.deep.equal(['sending', 'done']);
  });

  it('retries a retryable failure with the same key', async () => {
    const adapter = scriptedAdapter({ outcome: DOWN, next: null });
    const flow = flowWith(adapter);
    await flow.create(LEAD);
    expect(flow.state.phase).to.equal('failed');
    await flow.retry();
    expect(flow.state.phase).to.equal('done');
    expect(adapter.keys).to.deep.equal(['key-1', 'key-1']);
  });

  it('reuses the key when the same lead is submitted again after a retryable failure', async () => {
    const adapter = scriptedAdapter({ outcome: DOWN, next: null });
    const flow = flowWith(adapter);
    await flow.create(LEAD);
    await flow.create({ lead: { email: 'a@b.co' } });
    expect(adapter.keys).to.deep.equal(['key-1', 'key-1']);
  });

  it('gives a corrected lead a new key', async () => {
    const adapter = scriptedAdapter({ outcome: DOWN, next: null });
    const flow = flowWith(adapter);
    await flow.create(LEAD);
    await flow.create({ lead: { email: 'other@b.co' } });
    expect(adapter.keys).to.deep.equal(['key-1', 'key-2']);
  });

  it('lets a corrected lead replace the failed one in the outbox: one lead per final submission', async () => {
    const outbox = new MemoryOutbox();
    const adapter = scriptedAdapter({ outcome: DOWN, next: null });
    const flow = flowWith(adapter, { outbox });
    await flow.create({ lead: { first_name: 'Jnae' } });
    expect((await flow.pending()).map((entry) => entry.key)).to.deep.equal(['key-1']);
    const corrected = { lead: { first_name: 'Jane' } };
    const key = flow.keyFor(corrected);
    await flow.stage(corrected, key);
    expect((await flow.pending()).map((entry) => entry.envelope.lead['first_name'])).to.deep.equal(['Jane']);
    await flow.create(corrected, key);
    expect(await flow.pending()).to.deep.equal([]);
    expect(adapter.keys).to.deep.equal(['key-1', 'key-2']);
  });

  it('replaces a failed lead sent again corrected without staging, too', async () => {
    const outbox = new MemoryOutbox();
    const flow = flowWith(scriptedAdapter({ outcome: DOWN, next: null }, { outcome: DOWN, next: null }), { outbox });
    await flow.create({ lead: { first_name: 'Jnae' } });
    await flow.create({ lead: { first_name: 'Jane' } });
    expect((await flow.pending()).map((entry) => entry.envelope.lead['first_name'])).to.deep.equal(['Jane']);
  });

  it('takes a lead whose consent changed for a changed lead: a new key, replacing the failed one in the outbox', async () => {
    const outbox = new MemoryOutbox();
    const adapter = scriptedAdapter({ outcome: DOWN, next: null }, { outcome: DOWN, next: null });
    const flow = flowWith(adapter, { outbox });
    const consent = { text: 'I agree.', sha256: 'abc', sellers: ['ACME'], checkedAt: '2026-01-01T00:00:00.000Z', submittedAt: '2026-01-01T00:00:01.000Z', pageUrl: 'https://a.example/' };
    await flow.create({ lead: { first_name: 'Jane' }, consent });
    const unticked = { lead: { first_name: 'Jane' }, consent: { ...consent, sellers: [], checkedAt: null, submittedAt: '2026-01-01T00:00:09.000Z' } };
    expect(flow.pendingEnvelope(unticked), 'not the same lead to send again').to.equal(undefined);
    await flow.create(unticked);
    expect(adapter.keys).to.deep.equal(['key-1', 'key-2']);
    expect((await flow.pending()).map((entry) => entry.envelope.consent?.checkedAt)).to.deep.equal([null]);
  });

  it('takes the same consent pressed again later for the same lead: the same key', async () => {
    const adapter = scriptedAdapter({ outcome: DOWN, next: null });
    const flow = flowWith(adapter);
    const consent = { text: 'I agree.', sha256: 'abc', sellers: ['ACME'], checkedAt: '2026-01-01T00:00:00.000Z', submittedAt: '2026-01-01T00:00:01.000Z', pageUrl: 'https://a.example/' };
    const first = { lead: { first_name: 'Jane' }, consent };
    await flow.create(first);
    const again = { lead: { first_name: 'Jane' }, consent: { ...consent, submittedAt: '2026-01-01T00:00:09.000Z' } };
    expect(flow.pendingEnvelope(again)).to.equal(first);
    await flow.create(again, flow.keyFor(again));
    expect(adapter.keys).to.deep.equal(['key-1', 'key-1']);
  });

  it('forgets a lead after a final outcome: the next one gets a new key', async () => {
    const adapter = scriptedAdapter({ outcome: REJECTED, next: null });
    const flow = flowWith(adapter);
    await flow.create(LEAD);
    expect(await flow.retry()).to.equal(undefined);
    await flow.create(LEAD);
    expect(adapter.keys).to.deep.equal(['key-1', 'key-2']);
  });

  it('refuses a second create while one is sending', async () => {
    const adapter = scriptedAdapter();
    const flow = flowWith(adapter);
    const first = flow.create(LEAD);
    expect(await flow.create(LEAD)).to.equal(undefined);
    await first;
    expect(adapter.keys).to.have.length(1);
  });

  it('waits for the second step when the destination asks for it, then sends it with the reference', async () => {
    const adapter = scriptedAdapter({ outcome: { status: 'qualified', retryable: false }, next: 'submit', reference: 'r-9' });
    const flow = flowWith(adapter);
    await flow.create(LEAD);
    expect(flow.state.phase).to.equal('awaiting-submit');
    await flow.submit({ mobile: '+12125550123' });
    expect(flow.state.phase).to.equal('done');
    expect(adapter.submits).to.deep.equal(['r-9:key-1']);
  });
});

describe('SubmissionFlow delivery', () => {
  const RETRYING = { maxAttempts: 4, baseDelayMs: 1000, maxDelayMs: 8000, budgetMs: 30_000 };
  const noWait = { sleep: async () => undefined, random: () => 0.5, retry: RETRYING };

  it('retries transient failures with the same key until one succeeds', async () => {
    const adapter = scriptedAdapter({ outcome: DOWN, next: null }, { outcome: DOWN, next: null });
    const flow = flowWith(adapter, noWait);
    await flow.create(LEAD);
    expect(flow.state.phase).to.equal('done');
    expect(adapter.keys).to.deep.equal(['key-1', 'key-1', 'key-1']);
  });

  it('waits between attempts as the policy says, honouring Retry-After', async () => {
    const waits: number[] = [];
    const adapter = scriptedAdapter({ outcome: { ...DOWN, retryAfterSeconds: 5 }, next: null }, { outcome: DOWN, next: null });
    const flow = flowWith(adapter, { ...noWait, sleep: async (ms) => void waits.push(ms) });
    await flow.create(LEAD);
    expect(waits).to.deep.equal([5000, 1000]);
  });

  it('gives up after the last attempt, still retryable, and keeps the lead in the outbox', async () => {
    const outbox = new MemoryOutbox();
    const adapter = scriptedAdapter(...Array.from({ length: 4 }, () => ({ outcome: DOWN, next: null as null })));
    const flow = flowWith(adapter, { ...noWait, outbox, target: 't' });
    await flow.create(LEAD);
    expect(flow.state).to.deep.include({ phase: 'failed' });
    expect(adapter.keys).to.have.length(4);
    expect((await outbox.pending('t', 0)).map((entry) => entry.key)).to.deep.equal(['key-1']);
  });

  it('announces each retry, so the person sees progress', async () => {
    const attempts: number[] = [];
    const flow = flowWith(scriptedAdapter({ outcome: DOWN, next: null }), noWait);
    flow.subscribe((state) => {
      if (state.phase === 'sending') attempts.push(state.attempt);
    });
    await flow.create(LEAD);
    expect(attempts).to.deep.equal([1, 2]);
  });

  it('writes the lead to the outbox before sending it, and removes it on a final outcome', async () => {
    const outbox = new MemoryOutbox();
    let storedWhenSent: string[] = [];
    const adapter: Adapter = {
      name: 'checks-outbox',
      async create() {
        storedWhenSent = (await outbox.pending('t', 0)).map((entry) => entry.key);
        return { outcome: REJECTED, next: null };
      },
    };
    const flow = flowWith(adapter, { outbox, target: 't' });
    await flow.create(LEAD);
    expect(storedWhenSent).to.deep.equal(['key-1']);
    expect(await outbox.pending('t', 0)).to.deep.equal([]);
  });

  for (const status of ['queued', 'uncertain'] as const) {
    it(`ends with the thank-you on ${status}, sends nothing more and clears the outbox`, async () => {
      const outbox = new MemoryOutbox();
      const adapter = scriptedAdapter({ outcome: { status, retryable: false }, next: null });
      const flow = flowWith(adapter, { ...noWait, outbox, target: 't' });
      await flow.create(LEAD);
      expect(flow.state).to.deep.equal({ phase: 'done', outcome: { status, retryable: false } });
      expect(adapter.keys).to.deep.equal(['key-1']);
      expect(await outbox.pending('t', 0)).to.deep.equal([]);
    });
  }

  it('ends with the thank-you when the second step is uncertain', async () => {
    const adapter = scriptedAdapter({ outcome: { status: 'qualified', retryable: false }, next: 'submit', reference: 'r-2' });
    adapter.submit = async () => ({ status: 'uncertain', retryable: false, delivery: 'maybe_delivered' });
    const flow = flowWith(adapter, noWait);
    await flow.create(LEAD);
    await flow.submit({});
    expect(flow.state.phase).to.equal('done');
  });

  it('resumes a lead from the outbox with its own key, at the step it had reached', async () => {
    const adapter = scriptedAdapter();
    const flow = flowWith(adapter, noWait);
    await flow.resume({ key: 'saved-key', target: 't', envelope: LEAD, stage: 'submit', reference: 'r-7', submitInput: { mobile: '+12125550123' }, createdAt: 0, expiresAt: 1 });
    expect(adapter.keys).to.deep.equal([]);
    expect(adapter.submits).to.deep.equal(['r-7:saved-key']);
  });

  it('keeps a created lead whose second step follows by itself, at the submit step', async () => {
    const outbox = new MemoryOutbox();
    const adapter = scriptedAdapter({ outcome: { status: 'qualified', retryable: false }, next: 'submit', reference: 'r-1' });
    const flow = flowWith(adapter, { outbox, target: 't', autoSubmit: true });
    await flow.create(LEAD);
    const [kept] = await outbox.pending('t', 0);
    expect(kept).to.deep.include({ key: 'key-1', stage: 'submit', reference: 'r-1' });
  });

  it('does not send a lead that another tab is sending', async () => {
    const adapter = scriptedAdapter();
    const flow = flowWith(adapter, { exclusive: async () => undefined });
    expect(await flow.create(LEAD)).to.equal(undefined);
    expect(adapter.keys).to.deep.equal([]);
  });
});

describe('SubmissionFlow: consent changed while a lead waits (issue 15)', () => {
  const GIVEN = { text: 'I agree.', sha256: 'abc', sellers: ['ACME'], checkedAt: '2026-01-01T00:00:00.000Z', submittedAt: '2026-01-01T00:00:01.000Z', pageUrl: 'https://a.example/' };
  const TICKED = { lead: { first_name: 'Jane' }, consent: GIVEN };
  const UNTICKED = { lead: { first_name: 'Jane' }, consent: { ...GIVEN, checkedAt: null, submittedAt: '2026-01-01T00:00:09.000Z' } };

  /** An adapter that remembers what each send carried, and answers from a list (accepted when it runs out). */
  function recordingAdapter(...answers: Outcome[]): Adapter & { sent: { key: string; checkedAt: string | null | undefined }[] } {
    const sent: { key: string; checkedAt: string | null | undefined }[] = [];
    return {
      name: 'recording',
      sent,
      async create(envelope, context) {
        sent.push({ key: context.idempotencyKey, checkedAt: envelope.consent?.checkedAt });
        return { outcome: answers.shift() ?? ACCEPTED, next: null };
      },
    };
  }

  it('replaces a failed lead with the lead as it now stands: a new key, in the outbox, sent by the next retry', async () => {
    const outbox = new MemoryOutbox();
    const adapter = recordingAdapter(DOWN);
    const flow = flowWith(adapter, { outbox, target: 't' });
    await flow.create(TICKED);
    expect(await flow.amend(UNTICKED)).to.equal(true);
    expect((await outbox.pending('t', 0)).map((entry) => [entry.key, entry.envelope.consent?.checkedAt])).to.deep.equal([['key-2', null]]);
    const report = await flow.retry();
    expect(adapter.sent).to.deep.equal([
      { key: 'key-1', checkedAt: GIVEN.checkedAt },
      { key: 'key-2', checkedAt: null },
    ]);
    expect(report?.consent?.checkedAt, 'the record sent').to.equal(null);
    expect(await outbox.pending('t', 0)).to.deep.equal([]);
  });

  it('leaves the same lead as it is: same key, nothing rewritten', async () => {
    const flow = flowWith(recordingAdapter(DOWN));
    await flow.create(TICKED);
    expect(await flow.amend({ ...TICKED, consent: { ...GIVEN, submittedAt: '2026-01-01T00:00:05.000Z' } })).to.equal(false);
    expect(flow.keyFor(TICKED)).to.equal('key-1');
  });

  it('changes nothing when no lead waits: after a final outcome, or before any', async () => {
    const flow = flowWith(recordingAdapter());
    expect(await flow.amend(UNTICKED)).to.equal(false);
    await flow.create(TICKED);
    expect(await flow.amend(UNTICKED)).to.equal(false);
    expect(await flow.withdraw()).to.equal(false);
  });

  it('withdraws a failed lead: it leaves the outbox and Try again or a reconnection has nothing to send', async () => {
    const outbox = new MemoryOutbox();
    const adapter = recordingAdapter(DOWN);
    const flow = flowWith(adapter, { outbox, target: 't' });
    await flow.create(TICKED);
    expect(await flow.withdraw()).to.equal(true);
    expect(await outbox.pending('t', 0)).to.deep.equal([]);
    expect(await flow.retry()).to.equal(undefined);
    expect(adapter.sent).to.have.length(1);
  });

  describe('between automatic retries', () => {
    const RETRYING = { maxAttempts: 3, baseDelayMs: 1000, maxDelayMs: 8000, budgetMs: 30_000 };

    it('the next retry sends the amended lead, with its own key', async () => {
      const adapter = recordingAdapter(DOWN);
      const flow = flowWith(adapter, { retry: RETRYING, random: () => 0.5, sleep: async () => void (await flow.amend(UNTICKED)) });
      const report = await flow.create(TICKED);
      expect(adapter.sent).to.deep.equal([
        { key: 'key-1', checkedAt: GIVEN.checkedAt },
        { key: 'key-2', checkedAt: null },
      ]);
      expect(report).to.deep.include({ idempotencyKey: 'key-2' });
      expect(flow.state.phase).to.equal('done');
    });

    it('a withdrawn lead is not retried: failed, nothing left to send', async () => {
      const outbox = new MemoryOutbox();
      const adapter = recordingAdapter(DOWN, DOWN);
      const flow = flowWith(adapter, { outbox, target: 't', retry: RETRYING, random: () => 0.5, sleep: async () => void (await flow.withdraw()) });
      await flow.create(TICKED);
      expect(adapter.sent).to.have.length(1);
      expect(flow.state).to.deep.include({ phase: 'failed', stage: 'create' });
      expect(await outbox.pending('t', 0)).to.deep.equal([]);
    });

    it('a send under way that goes through ends the lead it carried: the amendment leaves the outbox unsent', async () => {
      const outbox = new MemoryOutbox();
      let flow: SubmissionFlow | undefined;
      const sent: (string | null | undefined)[] = [];
      const adapter: Adapter = {
        name: 'changed-in-flight',
        async create(envelope) {
          sent.push(envelope.consent?.checkedAt);
          // The person unticks while this send is on the wire; the destination then takes it.
          await flow?.amend(UNTICKED);
          return { outcome: ACCEPTED, next: null };
        },
      };
      flow = flowWith(adapter, { outbox, target: 't', retry: RETRYING });
      const report = await flow.create(TICKED);
      expect(sent).to.deep.equal([GIVEN.checkedAt]);
      expect(report).to.deep.include({ idempotencyKey: 'key-1' });
      expect(report?.consent?.checkedAt, 'the record the destination has').to.equal(GIVEN.checkedAt);
      expect(await outbox.pending('t', 0)).to.deep.equal([]);
    });
  });
});
