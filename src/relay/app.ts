import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { Outcome } from '../adapters/lead.js';
import { rateLimitKey, resolveClientAddress } from './client-address.js';
import { RelayConfigError, type RelayConfig } from './config.js';
import { createRoute } from './create-route.js';
import type { IdempotencyStore } from './idempotency.js';
import { formatIp } from './ip.js';
import { relayMemory } from './ledger-wiring.js';
import type { RelayLedgerDependency } from './node-ledger.js';
import { AnswerMemory } from './once.js';
import type { PublicCode } from './public-outcome.js';
import { ledgerUnavailable, refuseBody, type LeadRouteDependencies } from './route-answers.js';
import { submitRoute } from './submit-route.js';

/** One line per request, with no personal data: never the lead, never credentials, never a destination's own words. */
export interface RelayLogEntry {
  readonly route: 'create' | 'submit' | 'other';
  readonly destination?: string;
  readonly httpStatus: number;
  readonly outcome?: Outcome['status'];
  readonly code?: PublicCode;
  readonly replayed?: boolean;
  /** For an unexpected failure: the error's class name only (its message may quote the input). */
  readonly error?: string;
  readonly ms: number;
}

export interface RelayDependencies {
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  readonly store?: IdempotencyStore;
  readonly log?: (entry: RelayLogEntry) => void;
  /**
   * The socket peer's address, where the runtime knows it (on Node: `getConnInfo(c).remote.address`).
   * Without it, `clientIpHeader` must name the header the platform writes: one or the other, or
   * `createRelay` refuses to start (a shared "unknown" client once let one visitor lock out all).
   */
  readonly clientAddress?: (context: Context) => string | undefined;
  /**
   * The lead ledger (src/ledger; `startRelayLedger` opens it): every lead, its consent evidence and
   * the answer to its key in a database, background delivery of what the destination could not take
   * yet, and on PostgreSQL the fleet's shared rate limit. Without it the relay keeps answers in this
   * process's memory (tests, and runtimes with no database).
   */
  readonly ledger?: RelayLedgerDependency;
}

declare module 'hono' {
  /** What the relay's middleware learns about a request, for the routes (and the ledger's consent evidence). */
  interface ContextVariableMap {
    /** The client's address as the relay determined it (client-address.ts), canonical text. */
    clientAddress: string;
  }
}

/**
 * The relay: a Hono app over web-standard Request/Response, so it runs unchanged on Node, serverless
 * and edge runtimes. It speaks the protocol in DESIGN.md ("The relay protocol (v1)"). Build it once
 * per process (at module scope on serverless platforms): its idempotency memory, rate limiter and
 * token caches live in it.
 */
export function createRelay(config: RelayConfig, dependencies: RelayDependencies): Hono {
  if (!dependencies.clientAddress && config.clientAddress.header === undefined) {
    throw new RelayConfigError(
      'clientIpHeader: no client address can be known: pass createRelay a clientAddress (the socket peer), or name the header your platform writes',
    );
  }
  const ledger = dependencies.ledger;
  const { store, limiter } = relayMemory(config, dependencies);
  const log = dependencies.log ?? (() => undefined);
  const app = new Hono();

  // Answers are data for one script, never pages to sniff or keep (issue 11).
  app.use('*', async (c, next) => {
    await next();
    c.header('x-content-type-options', 'nosniff');
    c.header('cache-control', 'no-store');
  });

  // Anything unexpected: JSON without a stack for the client, the error's class name for the log.
  app.onError((error, c) => {
    const route = c.req.path.endsWith('/submit') ? 'submit' : c.req.path.startsWith('/v1/leads') ? 'create' : 'other';
    log({ route, httpStatus: 500, error: error instanceof Error ? error.name : 'unknown', ms: 0 });
    return c.json({ error: 'internal_error' }, 500);
  });

  app.get('/healthz', (c) => c.json({ ok: true }));

  app.use(
    '/v1/*',
    cors({
      origin: (origin) => (config.allowedOrigins.includes(origin) ? origin : null),
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['content-type', 'idempotency-key'],
      exposeHeaders: ['retry-after', 'idempotent-replayed'],
      maxAge: 600,
    }),
  );

  app.use('/v1/*', async (c, next) => {
    const origin = c.req.header('origin');
    const allowed = origin === undefined ? config.allowRequestsWithoutOrigin : config.allowedOrigins.includes(origin);
    if (!allowed) return c.json({ error: 'origin_not_allowed' }, 403);
    const rules = config.clientAddress;
    const address = resolveClientAddress(rules, dependencies.clientAddress?.(c), rules.header === undefined ? undefined : c.req.header(rules.header));
    if (!address) return c.json({ error: 'client_address_unknown' }, 400);
    c.set('clientAddress', formatIp(address));
    let wait: number;
    try {
      wait = await limiter.take(rateLimitKey(address), dependencies.now().getTime());
    } catch {
      return ledgerUnavailable(c);
    }
    if (wait > 0) return c.json({ error: 'too_many_requests' }, 429, { 'retry-after': String(wait) });
    return next();
  });

  app.use('/v1/*', bodyLimit({ maxSize: config.bodyLimitBytes, onError: (c) => refuseBody(c, 'body_too_large', 413) }));

  const routes: LeadRouteDependencies = { config, fetch: dependencies.fetch, now: dependencies.now, log, ledger, store, memory: new AnswerMemory(store) };
  const submit = submitRoute(routes);
  app.post('/v1/leads', createRoute(routes));
  app.post('/v1/leads/submit', (c) => submit(c, undefined));
  app.post('/v1/leads/:id/submit', (c) => submit(c, c.req.param('id')));

  return app;
}
