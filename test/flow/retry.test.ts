import { expect } from '@open-wc/testing';
import { nextDelay, type RetryPolicy } from '../../src/flow/retry.js';

const POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 1000, maxDelayMs: 8000, budgetMs: 30_000 };

describe('nextDelay (exponential backoff with full jitter)', () => {
  it('waits a random share of base·2^(attempt−1)', () => {
    expect(nextDelay(POLICY, 1, 0, () => 1)).to.equal(1000);
    expect(nextDelay(POLICY, 2, 0, () => 1)).to.equal(2000);
    expect(nextDelay(POLICY, 3, 0, () => 0.5)).to.equal(2000);
    expect(nextDelay(POLICY, 2, 0, () => 0)).to.equal(0);
  });

  it('never waits longer than the cap', () => {
    expect(nextDelay({ ...POLICY, maxAttempts: 10 }, 8, 0, () => 1)).to.equal(8000);
  });

  it('stops after the last attempt', () => {
    expect(nextDelay(POLICY, 5, 0, () => 0.5)).to.equal(undefined);
  });

  it('stops when the wait would end past the time budget', () => {
    expect(nextDelay(POLICY, 2, 29_000, () => 1)).to.equal(undefined);
    expect(nextDelay(POLICY, 2, 27_000, () => 1)).to.equal(2000);
  });

  it('honours Retry-After when it asks for longer than the backoff', () => {
    expect(nextDelay(POLICY, 1, 0, () => 0.1, 7)).to.equal(7000);
    expect(nextDelay(POLICY, 1, 0, () => 1, 0)).to.equal(1000);
    expect(nextDelay(POLICY, 1, 0, () => 1, 60)).to.equal(undefined);
  });
});
