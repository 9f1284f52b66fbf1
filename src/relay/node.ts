/**
 * Starts the relay on Node: `npm run relay`. Reads the config file named by RELAY_CONFIG (default
 * `relay.config.json`), credentials from the environment, and listens on PORT (default 8787);
 * RELAY_LOG=none silences the per-request log line.
 * Other runtimes import `createRelay` from `app.ts` and hand its `fetch` to their own server.
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { createRelay } from './app.js';
import { RelayConfigError, resolveRelayConfig, type RelayConfigFile } from './config.js';
import { socketAddress } from './node-socket.js';

const path = process.env['RELAY_CONFIG'] ?? 'relay.config.json';
const port = Number(process.env['PORT'] ?? 8787);

let file: RelayConfigFile;
try {
  file = JSON.parse(readFileSync(path, 'utf8')) as RelayConfigFile;
} catch (error) {
  console.error(`relay: cannot read ${path}: ${(error as Error).message}`);
  process.exit(1);
}

try {
  const config = resolveRelayConfig(file, process.env);
  const app = createRelay(config, {
    fetch: globalThis.fetch,
    now: () => new Date(),
    clientAddress: socketAddress,
    // One JSON line per request on stdout (no personal data); RELAY_LOG=none turns it off.
    ...(process.env['RELAY_LOG'] === 'none' ? {} : { log: (entry) => console.log(JSON.stringify(entry)) }),
  });
  // Node waits 300 s for a slow request by default: a few slow clients would hold sockets for
  // minutes (issue 11). A lead is a few kilobytes; a client that cannot send it in 30 s is not a browser.
  const serverOptions = { requestTimeout: 30_000, headersTimeout: 15_000 };
  const server = serve({ fetch: app.fetch, port, serverOptions }, (info) => {
    console.log(`relay: listening on http://localhost:${info.port} with ${config.destinations.size} destinations from ${path}`);
  });
  const stop = () => server.close(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
} catch (error) {
  if (error instanceof RelayConfigError) {
    console.error(`relay: ${path}: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
