import { expect } from '@open-wc/testing';
import type { Adapter } from '../../src/adapters/adapter.js';
import { resolveConfig, type LeadCaptureAttributes } from '../../src/element/config.js';
import { adapterFor, flowFor } from '../../src/element/flow-for.js';
import { MemoryOutbox } from '../../src/flow/outbox.js';
import { DEFAULT_RETRY_POLICY } from '../../src/flow/retry.js';

const ATTRIBUTES: LeadCaptureAttributes = {
  endpoint: '', adapter: 'relay', destination: '', fields: '', required: '', locale: 'en', country: 'US', minAge: 18,
  submitLabel: undefined, messages: undefined, consent: '', sellers: '', consentVersion: undefined, consentOptional: false,
  consentTiming: '', trustedform: false, trustedformSrc: undefined, trustedformTimeout: 3000, jornaya: '', jornayaSrc: undefined,
};
const configWith = (attributes: Partial<LeadCaptureAttributes>) => resolveConfig({ ...ATTRIBUTES, ...attributes }).config;

describe('adapterFor: where a configuration sends its leads', () => {
  it('sends nowhere without an endpoint', () => {
    expect(adapterFor(configWith({}))).to.equal(undefined);
    expect(flowFor(configWith({}), { outbox: new MemoryOutbox(), retryPolicy: DEFAULT_RETRY_POLICY, requestTimeout: 0 })).to.equal(undefined);
  });

  it('sends through the relay by default, and to a webhook when asked', () => {
    expect(adapterFor(configWith({ endpoint: 'https://relay.example.com/v1', destination: 'pingtree' }))?.name).to.equal('relay');
    expect(adapterFor(configWith({ endpoint: 'https://hooks.example.com/leads', adapter: 'webhook' }))?.name).to.equal('webhook');
  });

  it("uses a partner's own adapter as it is, endpoint or not", () => {
    const own: Adapter = { name: 'own', create: async () => ({ outcome: { status: 'accepted', retryable: false }, next: null }) };
    expect(adapterFor(configWith({ adapter: own }))).to.equal(own);
  });
});

describe('flowFor: the submission flow for a configuration', () => {
  it('resumes only the leads of its own configuration from a shared outbox', async () => {
    const outbox = new MemoryOutbox();
    const settings = { outbox, retryPolicy: DEFAULT_RETRY_POLICY, requestTimeout: 0 };
    const pingtree = flowFor(configWith({ endpoint: 'https://relay.example.com/v1', destination: 'pingtree' }), settings);
    const mlas = flowFor(configWith({ endpoint: 'https://relay.example.com/v1', destination: 'mlas' }), settings);
    await pingtree?.stage({ destination: 'pingtree', lead: { email: 'jane@example.com' } }, 'key-1');
    expect((await pingtree?.pending())?.map((entry) => entry.key)).to.deep.equal(['key-1']);
    expect(await mlas?.pending()).to.deep.equal([]);
  });
});
