import { expect } from '@open-wc/testing';
import type { WireResponse } from '../../src/adapters/http.js';
import { buildWebhookRequest, readWebhookResponse, webhook } from '../../src/adapters/webhook.js';

const NOW = new Date('2026-11-23T12:00:00Z');
const ENVELOPE = { lead: { email: 'jane@example.com', mobile: '+12125550123' } };

function answer(status: number, body: unknown = null, headers: Record<string, string> = {}): WireResponse {
  return { status, body, headers };
}

describe('webhook adapter', () => {
  it('posts our lead JSON as it is, with the idempotency key and the page’s extra headers', () => {
    const request = buildWebhookRequest(ENVELOPE, { url: 'https://hooks.example/lead', headers: { 'x-source': 'lp-7' } }, 'key-1');
    expect(request).to.deep.equal({
      url: 'https://hooks.example/lead',
      method: 'POST',
      headers: { 'x-source': 'lp-7', 'content-type': 'application/json', 'idempotency-key': 'key-1' },
      body: JSON.stringify(ENVELOPE),
    });
  });

  it('reads 2xx as accepted, keeping the endpoint’s id', () => {
    expect(readWebhookResponse(answer(201, { id: 'abc' }), NOW)).to.deep.equal({ status: 'accepted', retryable: false, destinationId: 'abc' });
  });

  it('reads 409 as duplicate', () => {
    expect(readWebhookResponse(answer(409), NOW).status).to.equal('duplicate');
  });

  it('reads 400 and 422 as invalid, with the field errors it gives', () => {
    const outcome = readWebhookResponse(answer(422, { message: 'bad', errors: { email: 'email', n: 3 } }), NOW);
    expect(outcome).to.deep.equal({ status: 'invalid', retryable: false, code: 'http_422', message: 'bad', fieldErrors: { email: 'email' } });
  });

  it('reads 429 and 5xx as retryable failures, honouring Retry-After', () => {
    expect(readWebhookResponse(answer(429, null, { 'retry-after': '7' }), NOW)).to.include({ status: 'failed', retryable: true, retryAfterSeconds: 7 });
    expect(readWebhookResponse(answer(503), NOW)).to.include({ status: 'failed', retryable: true, code: 'http_503' });
  });

  it('reads other 4xx as a final rejection', () => {
    expect(readWebhookResponse(answer(401), NOW)).to.include({ status: 'rejected', retryable: false, code: 'http_401' });
  });

  it('turns a fetch that throws into a retryable network failure', async () => {
    const adapter = webhook({ url: 'https://hooks.example/lead' });
    const fetch = async () => {
      throw new TypeError('Failed to fetch');
    };
    const result = await adapter.create(ENVELOPE, { fetch, idempotencyKey: 'k', now: () => NOW });
    expect(result.outcome).to.include({ status: 'failed', retryable: true, code: 'network' });
  });
});
