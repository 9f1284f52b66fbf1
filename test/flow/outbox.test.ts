import { expect } from '@open-wc/testing';
import { IndexedDbOutbox, LocalStorageOutbox, MemoryOutbox, openOutbox, type Outbox, type OutboxEntry } from '../../src/flow/outbox.js';

function entry(key: string, target = 't', createdAt = 1000, expiresAt = 10_000): OutboxEntry {
  return { key, target, envelope: { lead: { email: `${key}@example.com` } }, stage: 'create', createdAt, expiresAt };
}

function outboxContract(name: string, make: () => Outbox): void {
  describe(`${name}`, () => {
    it('keeps an entry until it is removed', async () => {
      const outbox = make();
      await outbox.put(entry('a'));
      expect((await outbox.pending('t', 2000)).map((e) => e.key)).to.deep.equal(['a']);
      await outbox.remove('a');
      expect(await outbox.pending('t', 2000)).to.deep.equal([]);
    });

    it('keeps the whole envelope, and replaces an entry put again under the same key', async () => {
      const outbox = make();
      await outbox.put(entry('b'));
      await outbox.put({ ...entry('b'), stage: 'submit', reference: 'r-1' });
      const [found] = await outbox.pending('t', 2000);
      expect(found).to.deep.include({ key: 'b', stage: 'submit', reference: 'r-1', envelope: { lead: { email: 'b@example.com' } } });
      await outbox.remove('b');
    });

    it('gives each configuration only its own entries', async () => {
      const outbox = make();
      await outbox.put(entry('c', 'mine'));
      await outbox.put(entry('d', 'theirs'));
      expect((await outbox.pending('mine', 2000)).map((e) => e.key)).to.deep.equal(['c']);
      await outbox.remove('c');
      await outbox.remove('d');
    });

    it('forgets expired entries', async () => {
      const outbox = make();
      await outbox.put(entry('e', 't', 1000, 5000));
      expect(await outbox.pending('t', 5000)).to.deep.equal([]);
      expect(await outbox.pending('t', 1000)).to.deep.equal([]);
    });
  });
}

describe('outboxes', () => {
  outboxContract('IndexedDbOutbox', () => new IndexedDbOutbox(`lead-capture-test-${crypto.randomUUID()}`));
  outboxContract('LocalStorageOutbox', () => new LocalStorageOutbox(localStorage, `lead-capture-test-${crypto.randomUUID()}:`));
  outboxContract('MemoryOutbox', () => new MemoryOutbox());

  it('openOutbox gives a page that opts out a memory outbox, and others a durable one', async () => {
    expect(await openOutbox(false)).to.be.instanceOf(MemoryOutbox);
    expect(await openOutbox(true)).to.be.instanceOf(IndexedDbOutbox);
  });
});
