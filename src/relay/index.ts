/**
 * The relay for any web-standard runtime (serverless, edge, Bun, Deno, Node): build the app once,
 * at module scope, from a config and the environment, and hand its `fetch` to the platform. Built to
 * `dist/relay.js`. Without a socket, the config names the header the platform writes the client's
 * address into (`clientIpHeader`), or `createRelay` refuses to start.
 *
 *   import { createRelay, resolveRelayConfig } from 'lead-capture/relay';
 *   const app = createRelay(resolveRelayConfig(config, env), { fetch, now: () => new Date() });
 *   export default { fetch: app.fetch };
 */
export { createRelay, type RelayDependencies, type RelayLogEntry } from './app.js';
export { RelayConfigError, resolveRelayConfig, type RelayConfig, type RelayConfigFile } from './config.js';
export { MemoryIdempotencyStore, type IdempotencyStore, type StoredAnswer } from './idempotency.js';
export { PUBLIC_CODES, type PublicCode, type PublicOutcome } from './public-outcome.js';
