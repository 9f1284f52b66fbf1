import { Hono } from 'hono';
import { createRelay } from '../../src/relay/app.js';
import { resolveRelayConfig } from '../../src/relay/config.js';
import { socketAddress } from '../../src/relay/node-socket.js';
import { DEFAULT_DELIVERY } from '../../src/ledger/settings.js';
import { openMigratedPglite } from '../ledger/pglite-template.js';
import { STANDIN_ENV } from './credentials.js';
import { standinRelayConfig } from './relay-config.js';

/**
 * A relay per scenario at `/relay/:scenario/v1/…`, each configured to deliver to that scenario's
 * stand-ins on the same server and to accept the page's own origin: so a browser test can drive the
 * widget → relay → destination path end to end, over HTTP, in isolation from other tests. A scenario
 * named `ledger-…` gets a relay on a lead ledger of its own (embedded, in memory), as `npm run relay`
 * runs; the others keep their answers in memory, as a relay built without a database does.
 */
export function scenarioRelays(): Hono {
  const relays = new Map<string, Promise<Hono>>();
  const app = new Hono();
  const build = async (scenario: string, origin: string): Promise<Hono> => {
    const file = standinRelayConfig(`${origin}/standins`, scenario, [origin]);
    const ledger = scenario.startsWith('ledger-') ? { engine: await openMigratedPglite(), delivery: DEFAULT_DELIVERY } : undefined;
    return createRelay(resolveRelayConfig(file, STANDIN_ENV), { fetch: globalThis.fetch, now: () => new Date(), clientAddress: socketAddress, ...(ledger ? { ledger } : {}) });
  };
  app.all('/relay/:scenario/*', async (c) => {
    const scenario = c.req.param('scenario');
    const url = new URL(c.req.url);
    let pending = relays.get(scenario);
    if (!pending) relays.set(scenario, (pending = build(scenario, url.origin)));
    const relay = await pending;
    url.pathname = url.pathname.slice(`/relay/${scenario}`.length);
    // The Node request travels on (c.env), so the relay sees the socket it came from.
    return relay.fetch(new Request(url, c.req.raw), c.env);
  });
  return app;
}
