import { expect } from '@open-wc/testing';
import type { Outcome } from '../../src/adapters/lead.js';
import { amendment, correction, submitWithdrawable, withdrawal } from '../../src/flow/lead-changes.js';
import { pendingLead } from '../../src/flow/pending-lead.js';
import type { FlowState } from '../../src/flow/state.js';

const DOWN: Outcome = { status: 'failed', retryable: true, code: 'network' };
const FAILED_CREATE: FlowState = { phase: 'failed', stage: 'create', outcome: DOWN };
const SENDING_CREATE: FlowState = { phase: 'sending', stage: 'create', attempt: 2 };
const FAILED_SUBMIT: FlowState = { phase: 'failed', stage: 'submit', outcome: DOWN };
const DONE: FlowState = { phase: 'done', outcome: { status: 'accepted', retryable: false } };
const LEAD = { lead: { email: 'a@b.co' } };
const pending = () => pendingLead('key-1', LEAD, 100);

describe('correction (a failed lead sent again, corrected)', () => {
  it('takes the failed lead out of the outbox when the new one has another key', () => {
    expect(correction(pending(), FAILED_CREATE, 'key-2')).to.deep.equal({ remove: 'key-1' });
  });

  it('changes nothing for the same key, a lead that has not failed, or no lead', () => {
    expect(correction(pending(), FAILED_CREATE, 'key-1')).to.equal(undefined);
    expect(correction(pending(), SENDING_CREATE, 'key-2')).to.equal(undefined);
    expect(correction(undefined, FAILED_CREATE, 'key-2')).to.equal(undefined);
  });
});

describe('amendment (the lead changed on its way)', () => {
  it('puts the lead as it now stands in its place, under a new key, keeping its creation time', () => {
    const changed = { lead: { email: 'c@d.co' } };
    expect(amendment(pending(), FAILED_CREATE, changed, () => 'key-2')).to.deep.equal({ remove: 'key-1', pending: pendingLead('key-2', changed, 100) });
    expect(amendment(pending(), SENDING_CREATE, changed, () => 'key-2')?.remove).to.equal('key-1');
  });

  it('changes nothing for the same lead, or when no lead waits at its first step', () => {
    expect(amendment(pending(), FAILED_CREATE, { lead: { email: 'a@b.co' } }, () => 'key-2')).to.equal(undefined);
    expect(amendment(pending(), FAILED_SUBMIT, { lead: { email: 'c@d.co' } }, () => 'key-2')).to.equal(undefined);
    expect(amendment(undefined, FAILED_CREATE, { lead: { email: 'c@d.co' } }, () => 'key-2')).to.equal(undefined);
  });
});

describe('withdrawal', () => {
  it('takes a lead waiting at its first step out of the outbox, with nothing in its place', () => {
    expect(withdrawal(pending(), FAILED_CREATE)).to.deep.equal({ remove: 'key-1' });
    expect(withdrawal(pending(), SENDING_CREATE)).to.deep.equal({ remove: 'key-1' });
  });

  it('changes nothing once the lead is done, or at its second step', () => {
    expect(withdrawal(pending(), DONE)).to.equal(undefined);
    expect(withdrawal(pending(), FAILED_SUBMIT)).to.equal(undefined);
  });

  it("withdraws a second step's consent only while that step waits, once, for a created lead", () => {
    const created = { ...pending(), reference: 'ref-1' };
    expect(submitWithdrawable(created, FAILED_SUBMIT)).to.equal(true);
    expect(submitWithdrawable({ ...created, submitWithdrawn: true }, FAILED_SUBMIT)).to.equal(false);
    expect(submitWithdrawable(pending(), FAILED_SUBMIT)).to.equal(false);
    expect(submitWithdrawable(created, FAILED_CREATE)).to.equal(false);
  });
});
