// The built relay (dist/relay.js, `lead-capture/relay`) as a serverless or edge platform imports it:
// one ES module, no Node APIs needed, answering web-standard Requests.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

describe('dist/relay.js', () => {
  it('builds a working relay from a config and an environment', async () => {
    // The built file, as a platform loads it (typed by the source it was built from).
    const built = new URL('../../dist/relay.js', import.meta.url).href;
    const { createRelay, resolveRelayConfig } = (await import(built)) as typeof import('../../src/relay/index.js');
    const delivered: unknown[] = [];
    const destination = async (_url: RequestInfo | URL, init?: RequestInit) => {
      delivered.push(JSON.parse(String(init?.body)));
      return new Response(JSON.stringify({ id: 'hook-1' }), { status: 200, headers: { 'content-type': 'application/json' } });
    };
    const config = resolveRelayConfig(
      {
        allowedOrigins: ['https://lp.example.com'],
        // As on a serverless platform: no socket, the platform's own header names the client.
        clientIpHeader: 'x-forwarded-for',
        leadIdSecret: { env: 'RELAY_SECRET' },
        destinations: { webhook: { adapter: 'webhook', settings: { url: 'https://hooks.example.com/leads' } } },
      },
      { RELAY_SECRET: 'a-relay-secret-long-enough-for-hmac-0123456789' },
    );
    const app = createRelay(config, { fetch: destination as typeof fetch, now: () => new Date() });
    assert.equal((await app.fetch(new Request('https://relay.example/healthz'))).status, 200);
    const response = await app.fetch(
      new Request('https://relay.example/v1/leads', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'bundle-key-0001',
          origin: 'https://lp.example.com',
          'x-forwarded-for': '203.0.113.9',
        },
        body: JSON.stringify({ destination: 'webhook', lead: { email: 'jane@example.com' }, bot: { honeypot: '', elapsedMs: 10_000 } }),
      }),
    );
    assert.equal(response.status, 201);
    assert.deepEqual(((await response.json()) as { outcome: unknown }).outcome, { status: 'accepted', retryable: false, destinationId: 'hook-1' });
    assert.equal(delivered.length, 1);
  });
});
