import type { IncomingMessage, ServerResponse } from 'node:http';
import { Hono } from 'hono';
import { createRelay } from '../src/relay/app.js';
import { resolveRelayConfig } from '../src/relay/config.js';
import { socketAddress } from '../src/relay/node-socket.js';
import { STANDIN_ENV } from '../test/standins/credentials.js';
import { createStandins } from '../test/standins/index.js';
import { connectMiddleware } from '../test/standins/mount.js';
import { standinRelayConfig } from '../test/standins/relay-config.js';

/** The scenario the demo's stand-ins record under. */
export const DEMO_SCENARIO = 'demo';

/**
 * Everything behind the demo page on the dev server's own origin: the stand-ins at `/standins` and
 * the relay at `/relay/v1`, configured (through environment-style secrets) to deliver to them. The
 * relay is built on the first request, when the server's real address is known.
 */
export function demoBackends() {
  const standins = connectMiddleware(createStandins(), ['/standins/']);
  let relay: ReturnType<typeof connectMiddleware> | undefined;
  return (request: IncomingMessage, response: ServerResponse, next: () => void): void => {
    if (!request.url?.startsWith('/relay/')) return standins(request, response, next);
    if (!relay) {
      const origin = `http://${request.headers.host ?? 'localhost:5173'}`;
      const port = new URL(origin).port;
      const file = {
        ...standinRelayConfig(`${origin}/standins`, DEMO_SCENARIO, [origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]),
        botProtection: { minFillMs: 1500 },
      };
      const app = createRelay(resolveRelayConfig(file, STANDIN_ENV), {
        fetch: globalThis.fetch,
        now: () => new Date(),
        log: (entry) => console.log(`relay: ${JSON.stringify(entry)}`),
        clientAddress: socketAddress,
      });
      relay = connectMiddleware(new Hono().route('/relay', app), ['/relay/']);
    }
    relay(request, response, next);
  };
}
