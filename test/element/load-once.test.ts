import { expect } from '@open-wc/testing';
import { forgetPageLoads, loadOnce, oncePerPage, onDemand } from '../../src/element/load-once.js';

describe('loadOnce', () => {
  it('runs the load once: every call gets the same promise', async () => {
    let runs = 0;
    const load = loadOnce(async () => ++runs);
    const first = load();
    expect(load()).to.equal(first);
    expect(await first).to.equal(1);
    expect(await load()).to.equal(1);
    expect(runs).to.equal(1);
  });

  it('forgets a load that failed, so the next call tries again', async () => {
    let runs = 0;
    const load = loadOnce(async () => {
      runs += 1;
      if (runs === 1) throw new Error('offline');
      return 'arrived';
    });
    let failure: unknown;
    await load().catch((error: unknown) => (failure = error));
    expect((failure as Error).message).to.equal('offline');
    expect(await load()).to.equal('arrived');
    expect(runs).to.equal(2);
  });
});

describe('onDemand', () => {
  it('has nothing until the chunk arrives, then the chunk, read synchronously', async () => {
    const part = onDemand(async () => ({ name: 'chunk' }));
    expect(part.current()).to.equal(undefined);
    const chunk = await part.load();
    expect(part.current()).to.equal(chunk);
  });

  it('still has nothing after a failed load, and the chunk once a later load brings it', async () => {
    let runs = 0;
    const part = onDemand(async () => {
      runs += 1;
      if (runs === 1) throw new Error('offline');
      return { name: 'chunk' };
    });
    await part.load().catch(() => undefined);
    expect(part.current()).to.equal(undefined);
    expect(await part.load()).to.deep.equal({ name: 'chunk' });
    expect(part.current()).to.deep.equal({ name: 'chunk' });
  });
});

describe('forgetPageLoads (the tests’ fresh page)', () => {
  it('forgets every load made once per page: the next call loads again, and an on-demand chunk has nothing until it does', async () => {
    let runs = 0;
    const load = oncePerPage(async () => ++runs);
    const part = onDemand(async () => ({ name: 'chunk' }));
    expect(await load()).to.equal(1);
    await part.load();
    forgetPageLoads();
    expect(part.current()).to.equal(undefined);
    expect(await load()).to.equal(2);
    expect(await load(), 'remembered again').to.equal(2);
    expect(await part.load()).to.deep.equal({ name: 'chunk' });
  });
});
