import { Hono } from 'hono';
import { createRelay } from '../../src/relay/app.js';
import { resolveRelayConfig } from '../../src/relay/config.js';
import { socketAddress } from '../../src/relay/node-socket.js';
import { STANDIN_ENV } from './credentials.js';
import { standinRelayConfig } from './relay-config.js';

/**
 * A relay per scenario at `/relay/:scenario/v1/…`, each configured to deliver to that scenario's
 * stand-ins on the same server and to accept the page's own origin: so a browser test can drive the
 * widget → relay → destination path end to end, over HTTP, in isolation from other tests.
 */
export function scenarioRelays(): Hono {
  const relays = new Map<string, Hono>();
  const app = new Hono();
  app.all('/relay/:scenario/*', (c) => {
    const scenario = c.req.param('scenario');
    const url = new URL(c.req.url);
    let relay = relays.get(scenario);
    if (!relay) {
      const file = standinRelayConfig(`${url.origin}/standins`, scenario, [url.origin]);
      relay = createRelay(resolveRelayConfig(file, STANDIN_ENV), { fetch: globalThis.fetch, now: () => new Date(), clientAddress: socketAddress });
      relays.set(scenario, relay);
    }
    url.pathname = url.pathname.slice(`/relay/${scenario}`.length);
    // The Node request travels on (c.env), so the relay sees the socket it came from.
    return relay.fetch(new Request(url, c.req.raw), c.env);
  });
  return app;
}
