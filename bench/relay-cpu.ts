// The relay's own work per lead, without sockets or other processes: its `fetch` called in-process,
// with a destination that answers at once. Separates what the relay costs from loopback and from
// sharing two cores with the load generator and the stand-in.
import { createRelay } from '../src/relay/app.js';
import { resolveRelayConfig } from '../src/relay/config.js';
import { STANDIN_ENV } from '../test/standins/credentials.js';
import { standinRelayConfig } from '../test/standins/relay-config.js';
import { median, percentile } from './stats.js';

export interface RelayCpu {
  readonly leads: number;
  readonly medianUs: number;
  readonly p99Us: number;
}

export async function relayCpu(leads = 5000): Promise<RelayCpu> {
  const file = { ...standinRelayConfig('http://destination.invalid/standins', 'cpu', ['https://lp.example.com']), rateLimit: { windowSeconds: 1, max: 1e9 } };
  const destination = async () => new Response(JSON.stringify({ id: 'wh_1' }), { status: 200, headers: { 'content-type': 'application/json' } });
  // Called in-process, with no socket: every lead from one documentation address.
  const app = createRelay(resolveRelayConfig(file, STANDIN_ENV), { fetch: destination, now: () => new Date(), clientAddress: () => '192.0.2.1' });
  const body = JSON.stringify({
    destination: 'webhook',
    lead: { first_name: 'Jane', last_name: 'Doe', email: 'jane.doe@example.com', mobile: '+12125550123', zip_code: '10001' },
  // The bot signals the widget sends with every lead (the relay requires them by default).
  bot: { honeypot: '', elapsedMs: 10_000 },
  });
  const samples: number[] = [];
  for (let index = 0; index < leads + 500; index++) {
    const request = new Request('http://relay.local/v1/leads', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), origin: 'https://lp.example.com' },
      body,
    });
    const start = performance.now();
    const response = await app.fetch(request);
    await response.text();
    if (index >= 500) samples.push((performance.now() - start) * 1000);
  }
  return { leads, medianUs: median(samples), p99Us: percentile(samples, 99) };
}
