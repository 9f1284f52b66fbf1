/**
 * Starts the relay on Node: `npm run relay`. Reads the config file named by RELAY_CONFIG (default
 * `relay.config.json`), credentials from the environment, opens the lead ledger (PostgreSQL at
 * DATABASE_URL, else PGlite embedded in RELAY_DATA_DIR, default ./relay-data), starts this
 * instance's delivery worker, and listens on PORT (default 8787); RELAY_LOG=none silences the
 * per-request log line.
 * Other runtimes import `createRelay` from `app.ts` and hand its `fetch` to their own server.
 */
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';
import { LedgerUnavailableError } from '../ledger/engine.js';
import { createRelay, type RelayLogEntry } from './app.js';
import { RelayConfigError, resolveRelayConfig, type RelayConfig, type RelayConfigFile } from './config.js';
import { startRelayLedger, type RunningLedger } from './node-ledger.js';
import { socketAddress } from './node-socket.js';

const path = process.env['RELAY_CONFIG'] ?? 'relay.config.json';
const port = Number(process.env['PORT'] ?? 8787);
// One JSON line per request on stdout (no personal data); RELAY_LOG=none turns it off.
const log = process.env['RELAY_LOG'] === 'none' ? undefined : (entry: object) => console.log(JSON.stringify(entry));

function fail(sentence: string): never {
  console.error(`relay: ${sentence}`);
  process.exit(1);
}

let file: RelayConfigFile;
try {
  file = JSON.parse(readFileSync(path, 'utf8')) as RelayConfigFile;
} catch (error) {
  fail(`cannot read ${path}: ${(error as Error).message}`);
}

let config: RelayConfig;
try {
  config = resolveRelayConfig(file, process.env);
} catch (error) {
  if (error instanceof RelayConfigError) fail(`${path}: ${error.message}`);
  throw error;
}

let running: RunningLedger;
try {
  running = await startRelayLedger(process.env, config, {
    fetch: globalThis.fetch,
    now: () => new Date(),
    ...(log ? { log } : {}),
    // The error's class name only: its message may quote a lead.
    onError: (error) => console.error(`relay: worker: ${error instanceof Error ? error.name : 'unknown error'}`),
  });
} catch (error) {
  if (error instanceof LedgerUnavailableError) fail(error.message);
  throw error;
}

let app;
try {
  app = createRelay(config, {
    fetch: globalThis.fetch,
    now: () => new Date(),
    clientAddress: socketAddress,
    ledger: running.ledger,
    ...(log ? { log: log as (entry: RelayLogEntry) => void } : {}),
  });
} catch (error) {
  await running.stop();
  if (error instanceof RelayConfigError) fail(`${path}: ${error.message}`);
  throw error;
}

// Node waits 300 s for a slow request by default: a few slow clients would hold sockets for
// minutes (issue 11). A lead is a few kilobytes; a client that cannot send it in 30 s is not a browser.
const serverOptions = { requestTimeout: 30_000, headersTimeout: 15_000 };
const server = serve({ fetch: app.fetch, port, serverOptions }, (info) => {
  console.log(
    `relay: listening on http://localhost:${info.port} with ${config.destinations.size} destinations from ${path}; ledger ${running.engine.kind} at ${running.engine.where}`,
  );
});
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close(() => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
