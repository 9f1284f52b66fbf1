import { expect } from '@open-wc/testing';
import { MemoryIdempotencyStore } from '../../src/relay/idempotency.js';

describe('MemoryIdempotencyStore is bounded (issue 11)', () => {
  it('the idempotency store keeps at most maxEntries answers, dropping the oldest', async () => {
    const store = new MemoryIdempotencyStore(() => 0, { maxEntries: 3 });
    for (const key of ['a', 'b', 'c', 'd']) await store.set(key, { status: 201, body: {}, requestHash: key }, 60);
    expect(store.size).to.equal(3);
    expect(await store.get('a')).to.equal(undefined);
    expect(await store.get('d')).to.deep.include({ requestHash: 'd' });
  });

  it('the idempotency store sweeps expired answers as new ones are written', async () => {
    let now = 0;
    const store = new MemoryIdempotencyStore(() => now);
    for (let index = 0; index < 1000; index++) await store.set(`old-${index}`, { status: 201, body: {}, requestHash: '' }, 10);
    now = 11_000;
    await store.set('new', { status: 201, body: {}, requestHash: '' }, 10);
    expect(store.size).to.equal(1);
  });
});
