import { expect } from '@open-wc/testing';
import { IndexedDbOutbox, LocalStorageOutbox, MemoryOutbox, OUTBOX_TTL_MS, openOutbox, type Outbox, type OutboxEntry } from '../../src/flow/outbox.js';

function entry(key: string, target = 't', createdAt = 1000, expiresAt = 10_000): OutboxEntry {
  return { key, target, envelope: { lead: { email: `${key}@example.com` } }, stage: 'create', createdAt, expiresAt };
}

const HOUR = 60 * 60 * 1000;

function outboxContract(name: string, make: (lifeMs?: number) => Outbox): void {
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

    it('keeps a lead a day at most by default, whatever the entry asks (issue 11)', async () => {
      const outbox = make();
      await outbox.put(entry('f', 't', 0, 7 * 24 * HOUR));
      expect((await outbox.pending('t', 24 * HOUR - 1)).map((e) => e.key)).to.deep.equal(['f']);
      expect(await outbox.pending('t', 24 * HOUR)).to.deep.equal([]);
    });

    it('keeps a lead as long as the page configures', async () => {
      const outbox = make(2 * HOUR);
      await outbox.put(entry('g', 't', 0, OUTBOX_TTL_MS));
      expect(await outbox.pending('t', 2 * HOUR)).to.deep.equal([]);
    });
  });
}

describe('outboxes', () => {
  outboxContract('IndexedDbOutbox', (lifeMs) => new IndexedDbOutbox(`lead-capture-test-${crypto.randomUUID()}`, lifeMs));
  outboxContract('LocalStorageOutbox', (lifeMs) => new LocalStorageOutbox(localStorage, `lead-capture-test-${crypto.randomUUID()}:`, lifeMs));
  outboxContract('MemoryOutbox', (lifeMs) => new MemoryOutbox(lifeMs));

  it('any widget loading purges every expired lead on the site, even one that persists nothing (issue 11)', async () => {
    const now = Date.now();
    // Left by another widget's configuration, expired an hour ago; a live one beside it stays.
    const expired = { ...entry(`old-${crypto.randomUUID()}`, 'another-widget', now - 25 * HOUR, now - HOUR) };
    const live = { ...entry(`live-${crypto.randomUUID()}`, 'another-widget', now, now + HOUR) };
    const stored = new LocalStorageOutbox(localStorage);
    await stored.put(expired);
    await stored.put(live);
    const database = new IndexedDbOutbox();
    await database.put(expired);
    await openOutbox(false);
    // Read straight from the stores: reading through an outbox would purge on its own.
    expect(localStorage.getItem(`lead-capture:outbox:${expired.key}`)).to.equal(null);
    expect(localStorage.getItem(`lead-capture:outbox:${live.key}`)).to.not.equal(null);
    const all = await new Promise<OutboxEntry[]>((resolve, reject) => {
      const request = indexedDB.open('lead-capture', 1);
      request.onsuccess = () => {
        const read = request.result.transaction('outbox').objectStore('outbox').getAll();
        read.onsuccess = () => resolve(read.result as OutboxEntry[]);
        read.onerror = () => reject(read.error);
      };
      request.onerror = () => reject(request.error);
    });
    expect(all.map((e) => e.key)).to.not.include(expired.key);
    await stored.remove(live.key);
  });

  it('openOutbox gives a page that opts out a memory outbox, and others a durable one', async () => {
    expect(await openOutbox(false)).to.be.instanceOf(MemoryOutbox);
    expect(await openOutbox(true)).to.be.instanceOf(IndexedDbOutbox);
  });
});
