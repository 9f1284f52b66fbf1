import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { CreateResult, DeliveryContext } from '../adapters/adapter.js';
import type { LeadEnvelope, Outcome, SubmitStepInput } from '../adapters/lead.js';
import { isLocale, type Locale } from '../fields/messages/index.js';
import { rateLimitKey, resolveClientAddress } from './client-address.js';
import { RelayConfigError, type Destination, type RelayConfig } from './config.js';
import { checkEnvelope, withReceivedAt } from './envelope.js';
import { sha256Hex } from './hash.js';
import { MemoryIdempotencyStore, type IdempotencyStore } from './idempotency.js';
import { formatIp } from './ip.js';
import { signLeadId, verifyLeadId } from './lead-id.js';
import { AnswerMemory, oncePerLead, outcomeOf, sameBodyOnly, type Answer, type Repeat } from './once.js';
import { publicOutcome, type PublicCode } from './public-outcome.js';
import { FixedWindowLimiter } from './rate-limit.js';
import { checkSubmitInput } from './submit-input.js';
import { LedgerAnswerStore } from '../ledger/answer-store.js';
import { createThroughLedger, type LedgerCreate } from './ledger-create.js';
import { timeoutOf } from './ledger-worker.js';
import { claimStep, screenLead } from './lead-quality.js';
import { leadByKey, trustedFormClaimed } from '../ledger/quality.js';
import { consentEvidence, type RequestSeen } from '../ledger/evidence.js';
import { keepConsentEvidence, lookup } from '../ledger/intake.js';
import { verifyChallenge } from './challenge.js';
import type { RelayLedgerDependency } from './node-ledger.js';

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

/** How long the relay remembers a create answer by its idempotency key. */
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;
const IDEMPOTENCY_KEY = /^[\w-]{8,100}$/;

function preferredLocale(header: string | undefined): Locale {
  const first = (header ?? '').slice(0, 100).split(',')[0]?.trim().split(/[-;]/)[0]?.toLowerCase() ?? '';
  return isLocale(first) ? first : 'en';
}

/** An outcome as the browser gets it, with the HTTP status the protocol gives it (DESIGN.md, "The relay protocol"). */
function answerWith(outcome: Outcome, fields: Record<string, unknown>): Answer {
  const status = outcome.status === 'failed' ? 502 : outcome.status === 'queued' ? 202 : 201;
  return { status, body: { ...fields, outcome: publicOutcome(outcome) } };
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
  const screening = [...config.destinations.values()].find((destination) => destination.dedupe !== undefined || destination.suppression);
  if (screening && !ledger) {
    throw new RelayConfigError(`destinations.${screening.name}: dedupe and suppression need the lead ledger: pass createRelay a ledger (npm run relay opens one)`);
  }
  const store = dependencies.store ?? (ledger ? new LedgerAnswerStore(ledger.engine, dependencies.now) : new MemoryIdempotencyStore(() => dependencies.now().getTime()));
  const memory = new AnswerMemory(store);
  const limiter: { take(client: string, nowMs: number): number | Promise<number> } =
    ledger?.limiter ?? new FixedWindowLimiter(config.rateLimit.max, config.rateLimit.windowSeconds);
  const log = dependencies.log ?? (() => undefined);
  const app = new Hono();
  const nowSeconds = () => Math.floor(dependencies.now().getTime() / 1000);

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

  // A refused body may be left half-read on the socket: the connection closes with the answer, so
  // the client's next request never lands on it ("other side closed", issue 13).
  const refuseBody = (c: Context, error: string, status: 400 | 413) => c.json({ error }, status, { connection: 'close' });

  app.use('/v1/*', bodyLimit({ maxSize: config.bodyLimitBytes, onError: (c) => refuseBody(c, 'body_too_large', 413) }));

  /** Reads the key and the JSON body, or answers why not. */
  async function readRequest(c: Context): Promise<{ key: string; raw: string; body: unknown } | Response> {
    const key = c.req.header('idempotency-key') ?? '';
    if (!IDEMPOTENCY_KEY.test(key)) return refuseBody(c, 'idempotency_key_required', 400);
    const raw = await c.req.text();
    try {
      return { key, raw, body: JSON.parse(raw) as unknown };
    } catch {
      return refuseBody(c, 'body_not_json', 400);
    }
  }

  /** Runs the work once per memory key (see once.ts) and answers. */
  function respond(
    c: Context,
    route: 'create' | 'submit',
    destination: Destination,
    memoryKey: { key: string; requestHash: string; ttlSeconds: number; repeat: Repeat },
    work: () => Promise<Answer>,
  ): Promise<Response> {
    return answerOnce(c, route, destination, async () => {
      try {
        return await memory.once(memoryKey.key, memoryKey.requestHash, memoryKey.ttlSeconds, memoryKey.repeat, work);
      } catch (error) {
        // The ledger's answer memory cannot be read or written: nothing is sent on (503).
        if (ledger) return { kind: 'unavailable' };
        throw error;
      }
    });
  }

  /** Answers what a once-per-key run came to, with one log line. */
  async function answerOnce(c: Context, route: 'create' | 'submit', destination: Destination, run: () => Promise<LedgerCreate>): Promise<Response> {
    const started = dependencies.now().getTime();
    const result = await run();
    if (result.kind === 'unavailable') return ledgerUnavailable(c);
    if (result.kind === 'conflict') return c.json({ error: 'idempotency_key_reused' }, 409);
    if (result.kind === 'busy') return c.json({ error: 'in_progress' }, 409, { 'retry-after': '1' });
    const { answer, replayed } = result;
    const outcome = outcomeOf(answer) as ReturnType<typeof publicOutcome> | undefined;
    log({
      route,
      destination: destination.name,
      httpStatus: answer.status,
      ...(outcome ? { outcome: outcome.status } : {}),
      ...(outcome?.code ? { code: outcome.code } : {}),
      replayed,
      ms: dependencies.now().getTime() - started,
    });
    const headers: Record<string, string> = replayed ? { 'idempotent-replayed': 'true' } : {};
    if (!replayed && outcome?.retryAfterSeconds !== undefined) headers['retry-after'] = String(outcome.retryAfterSeconds);
    return c.json(answer.body, answer.status as 201, headers);
  }

  /** One step's context, bounded by the destination's own bound where it needs longer (MLAS `createLead`). */
  function deliveryContext(destination: Destination, idempotencyKey: string): DeliveryContext {
    return {
      fetch: dependencies.fetch,
      now: dependencies.now,
      idempotencyKey,
      signal: AbortSignal.timeout(timeoutOf(destination.adapter, config)),
    };
  }

  async function createAnswer(destination: Destination, result: CreateResult, idempotencyKey: string): Promise<Answer> {
    const issuedAt = nowSeconds();
    const id = await signLeadId(
      {
        destination: destination.name,
        idempotencyKey,
        issuedAt,
        expiresAt: issuedAt + config.leadIdTtlSeconds,
        ...(result.reference === undefined ? {} : { reference: result.reference }),
      },
      config.leadIdSecret,
    );
    return answerWith(result.outcome, { id, next: result.outcome.status === 'failed' ? null : result.next });
  }

  app.post('/v1/leads', async (c) => {
    const request = await readRequest(c);
    if (request instanceof Response) return request;
    const named = (request.body as { destination?: unknown } | null)?.destination;
    const destination = typeof named === 'string' ? config.destinations.get(named) : undefined;
    if (!destination) return c.json({ error: 'unknown_destination' }, 404);
    const check = checkEnvelope(
      request.body,
      {
        fields: destination.fields,
        required: destination.required,
        questions: destination.questions,
        trackingParams: destination.trackingParams,
        requireConsent: destination.requireConsent,
        acceptConsent: destination.acceptConsent,
        country: destination.country,
        minAge: destination.minAge,
        today: dependencies.now().toISOString().slice(0, 10),
      },
      preferredLocale(c.req.header('accept-language')),
    );
    if (!check.ok) return c.json({ errors: check.errors, codes: check.codes }, 422);
    if (looksAutomated(check.envelope.bot, config.botProtection)) return c.json({ error: 'rejected' }, 403);
    const receivedAt = dependencies.now();
    const envelope = withReceivedAt(check.envelope, receivedAt);
    const requestHash = sha256Hex(request.raw);
    if (destination.challenge) {
      // A token verifies once: a repeat of a key the relay knows gets its first answer, unverified again.
      let known: boolean;
      try {
        known = ledger
          ? (await lookup(ledger.engine, `create:${destination.name}`, request.key, requestHash)) !== undefined
          : (await store.get(`create:${destination.name}:${request.key}`)) !== undefined;
      } catch {
        return ledgerUnavailable(c);
      }
      if (!known) {
        const verdict = await verifyChallenge(destination.challenge, envelope.bot?.challengeToken, c.get('clientAddress'), dependencies.fetch);
        if (verdict.kind === 'failed') return c.json({ error: 'challenge_failed' }, 403);
        // Never a silent pass: the provider out of reach is a retry, and nothing is stored or sent.
        if (verdict.kind === 'unavailable') return c.json({ error: 'challenge_unavailable' }, 503, { 'retry-after': '5' });
      }
    }
    if (ledger) {
      return answerOnce(c, 'create', destination, () =>
        createThroughLedger(ledger, {
          destination: destination.name,
          key: request.key,
          requestHash,
          envelope,
          seen: requestSeen(c, receivedAt),
          timeoutMs: timeoutOf(destination.adapter, config),
          send: () => destination.adapter.create(envelope, deliveryContext(destination, request.key)),
          answerFor: (outcome, next, reference) =>
            createAnswer(destination, { outcome, next, ...(reference === undefined ? {} : { reference }) }, request.key),
          now: dependencies.now,
          screen: (leadId) =>
            screenLead({ engine: ledger.engine, key: config.matchKey, fetch: dependencies.fetch, now: receivedAt, delivery: ledger.delivery }, destination, envelope, leadId),
        }),
      );
    }
    const memoryKey = { key: `create:${destination.name}:${request.key}`, requestHash, ttlSeconds: IDEMPOTENCY_TTL_SECONDS, repeat: sameBodyOnly };
    return respond(c, 'create', destination, memoryKey, async () =>
      createAnswer(destination, await destination.adapter.create(envelope, deliveryContext(destination, request.key)), request.key),
    );
  });

  /**
   * The second step. The lead id travels in the body (`{ id, trustedform?, mobile? }`), out of the
   * URL that proxies log; `/v1/leads/:id/submit` stays as an alias for widgets already deployed.
   */
  /**
   * Where the certificate arrives with the second step (MLAS, whose TrustedForm check runs on
   * `submitLead`), the claim is made then, before the destination is called; what stops the lead is
   * answered as its outcome (a refusal the person may correct, or a failure to retry).
   */
  async function claimOnSubmit(destination: Destination, idempotencyKey: string, input: SubmitStepInput): Promise<Outcome | undefined> {
    if (!ledger || !destination.trustedform?.claim) return undefined;
    const lead = await leadByKey(ledger.engine, destination.name, idempotencyKey);
    if (!lead?.envelope) return undefined;
    // Claimed with the first step already, and no other certificate now: nothing to claim.
    if (input.trustedform === undefined && (await trustedFormClaimed(ledger.engine, lead.id))) return undefined;
    const certificate = input.trustedform ?? lead.envelope.trustedform;
    const envelope: LeadEnvelope = {
      ...lead.envelope,
      lead: { ...lead.envelope.lead, ...(input.mobile ? { mobile: input.mobile } : {}) },
      ...(certificate ? { trustedform: certificate } : {}),
    };
    return (await claimStep(ledger.engine, destination, envelope, lead.id, dependencies.fetch, dependencies.now(), 'submit'))?.outcome;
  }

  /**
   * The consent step's record (deferred consent) is the lead's consent evidence: kept in the ledger
   * before the destination is called, as the first step's is, with the number it covers and the
   * certificate that came with it. A ledger that cannot be written stops the step (503).
   */
  async function keepSubmitConsent(destination: Destination, idempotencyKey: string, input: SubmitStepInput, seen: RequestSeen): Promise<void> {
    if (!ledger || input.consent === undefined) return;
    const lead = await leadByKey(ledger.engine, destination.name, idempotencyKey);
    if (!lead) return;
    const earlier: LeadEnvelope = lead.envelope ?? { lead: {} };
    const certificate = input.trustedform ?? earlier.trustedform;
    const envelope: LeadEnvelope = {
      ...earlier,
      lead: { ...earlier.lead, ...(input.mobile ? { mobile: input.mobile } : {}) },
      consent: input.consent,
      ...(certificate ? { trustedform: certificate } : {}),
    };
    const evidence = consentEvidence(envelope, seen);
    if (evidence) await keepConsentEvidence(ledger.engine, lead.id, evidence);
  }

  async function submit(c: Context, idInPath: string | undefined): Promise<Response> {
    const request = await readRequest(c);
    if (request instanceof Response) return request;
    const id = idInPath ?? (request.body as { id?: unknown } | null)?.id;
    const claims = typeof id === 'string' ? await verifyLeadId(id, config.leadIdSecret, nowSeconds()) : undefined;
    const destination = claims ? config.destinations.get(claims.destination) : undefined;
    if (!claims || !destination) return c.json({ error: 'unknown_lead' }, 404);
    const submitStep = destination.adapter.submit?.bind(destination.adapter);
    const reference = claims.reference;
    if (!submitStep || reference === undefined) return c.json({ error: 'no_submit_step' }, 409);
    const checked = checkSubmitInput(request.body, destination.country, destination.acceptConsent);
    if (!checked.ok) return c.json({ errors: checked.errors, codes: checked.codes }, 422);
    const memoryKey = {
      key: `submit:${destination.name}:${claims.idempotencyKey}`,
      requestHash: sha256Hex(JSON.stringify(checked.input)),
      // Remembered while the id works, and a minute longer: after that the id is refused anyway.
      ttlSeconds: Math.max(60, claims.expiresAt - nowSeconds() + 60),
      repeat: oncePerLead,
    };
    const seen = requestSeen(c, dependencies.now());
    return respond(c, 'submit', destination, memoryKey, async () => {
      await keepSubmitConsent(destination, claims.idempotencyKey, checked.input, seen);
      const stop = await claimOnSubmit(destination, claims.idempotencyKey, checked.input);
      if (stop) return answerWith(stop, { id, next: null });
      return answerWith(await submitStep(reference, checked.input, deliveryContext(destination, claims.idempotencyKey)), { id, next: null });
    });
  }

  app.post('/v1/leads/submit', (c) => submit(c, undefined));
  app.post('/v1/leads/:id/submit', (c) => submit(c, c.req.param('id')));

  return app;
}

/** The ledger cannot be read or written: nothing was sent on, and the browser keeps the lead and retries. */
/** What the relay itself saw of a request, kept beside the consent evidence: when, from where, with which browser. */
function requestSeen(c: Context, receivedAt: Date): RequestSeen {
  const userAgent = c.req.header('user-agent')?.slice(0, 512);
  return { receivedAt, clientIp: c.get('clientAddress'), ...(userAgent ? { userAgent } : {}) };
}

function ledgerUnavailable(c: Context): Response {
  return c.json({ error: 'ledger_unavailable' }, 503, { 'retry-after': '5' });
}

/**
 * A filled honeypot, or a form sent faster than a person fills one, is a bot; so is a lead without
 * the signals, unless the configuration lets server-to-server callers through (`requireSignals: false`).
 */
function looksAutomated(bot: LeadEnvelope['bot'], rules: RelayConfig['botProtection']): boolean {
  if (!bot) return rules.requireSignals;
  return bot.honeypot !== '' || bot.elapsedMs < rules.minFillMs;
}
