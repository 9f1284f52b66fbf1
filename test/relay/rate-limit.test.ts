import { expect } from '@open-wc/testing';
import { FixedWindowLimiter } from '../../src/relay/rate-limit.js';

describe('FixedWindowLimiter is bounded (issue 11)', () => {
  it('the rate limiter counts at most maxClients in a window, forgetting the longest-counted', () => {
    const limiter = new FixedWindowLimiter(1, 60, 100);
    for (let index = 0; index < 5000; index++) limiter.take(`client-${index}`, 1000);
    expect(limiter.size).to.equal(100);
    expect(limiter.take('client-4999', 1000)).to.be.above(0);
  });
});

