import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import type { CreateResult, DeliveryContext } from '../adapters/adapter.js';
import { isFinal, type LeadEnvelope, type Outcome, type SubmitStepInput } from '../adapters/lead.js';
import { isLocale, type Locale } from '../fields/messages/index.js';
import { checkPhone } from '../fields/phone.js';
import type { Destination, RelayConfig } from './config.js';
import { checkEnvelope, TRUSTEDFORM_CERT_URL } from './envelope.js';
import { InFlight, MemoryIdempotencyStore, type IdempotencyStore, type StoredAnswer } from './idempotency.js';
import { signLeadId, verifyLeadId } from './lead-id.js';
import { FixedWindowLimiter } from './rate-limit.js';

/** One line per request, with no personal data: never the lead, never credentials. */
export interface RelayLogEntry {
  readonly route: 'create' | 'submit';
  readonly destination: string;
  readonly httpStatus: number;
  readonly outcome?: Outcome['status'];
  readonly code?: string;
  readonly replayed: boolean;
  readonly ms: number;
}

export interface RelayDependencies {
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  readonly store?: IdempotencyStore;
  readonly log?: (entry: RelayLogEntry) => void;
  /** Who is calling, for rate limits, when no `clientIpHeader` is configured (the runtime knows). */
  readonly clientAddress?: (context: Context) => string | undefined;
}

/** How long the relay remembers an answer by its idempotency key. */
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 60 * 60;
const IDEMPOTENCY_KEY = /^[\w-]{8,100}$/;

type Answer = { readonly status: number; readonly body: Record<string, unknown> };

/**
 * What the browser may see of an outcome: never the destination's raw message (it may carry
 * internals), only the status, our code, the destination's id and the field errors.
 */
function forBrowser(outcome: Outcome): Record<string, unknown> {
  return {
    status: outcome.status,
    retryable: outcome.retryable,
    ...(outcome.code === undefined ? {} : { code: outcome.code }),
    ...(outcome.destinationId === undefined ? {} : { destinationId: outcome.destinationId }),
    ...(outcome.fieldErrors === undefined ? {} : { fieldErrors: outcome.fieldErrors }),
    ...(outcome.retryAfterSeconds === undefined ? {} : { retryAfterSeconds: outcome.retryAfterSeconds }),
  };
}

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

function preferredLocale(header: string | undefined): Locale {
  const first = (header ?? '').split(',')[0]?.trim().split(/[-;]/)[0]?.toLowerCase() ?? '';
  return isLocale(first) ? first : 'en';
}

/**
 * The relay: a Hono app over web-standard Request/Response, so it runs unchanged on Node, serverless
 * and edge runtimes. It speaks the protocol in DESIGN.md ("The relay protocol (v1)").
 */
export function createRelay(config: RelayConfig, dependencies: RelayDependencies): Hono {
  const store = dependencies.store ?? new MemoryIdempotencyStore(() => dependencies.now().getTime());
  const inFlight = new InFlight<Answer>();
  const limiter = new FixedWindowLimiter(config.rateLimit.max, config.rateLimit.windowSeconds);
  const log = dependencies.log ?? (() => undefined);
  const app = new Hono();

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
    const client =
      (config.clientIpHeader ? c.req.header(config.clientIpHeader)?.split(',')[0]?.trim() : undefined) ??
      dependencies.clientAddress?.(c) ??
      'unknown';
    const wait = limiter.take(client, dependencies.now().getTime());
    if (wait > 0) return c.json({ error: 'too_many_requests' }, 429, { 'retry-after': String(wait) });
    return next();
  });

  app.use('/v1/*', bodyLimit({ maxSize: config.bodyLimitBytes, onError: (c) => c.json({ error: 'body_too_large' }, 413) }));

  /** Reads the key and the JSON body, or answers why not. */
  async function readRequest(c: Context): Promise<{ key: string; raw: string; body: unknown } | Response> {
    const key = c.req.header('idempotency-key') ?? '';
    if (!IDEMPOTENCY_KEY.test(key)) return c.json({ error: 'idempotency_key_required' }, 400);
    const raw = await c.req.text();
    try {
      return { key, raw, body: JSON.parse(raw) as unknown };
    } catch {
      return c.json({ error: 'body_not_json' }, 400);
    }
  }

  /**
   * Answers a repeated key with the first answer, a reused key with different contents with 409,
   * and otherwise runs the work once (even when the same key arrives twice at the same time).
   * Retryable failures are not remembered: sending again is how they are retried.
   */
  async function once(c: Context, storeKey: string, raw: string, work: () => Promise<Answer>, entry: Omit<RelayLogEntry, 'httpStatus' | 'replayed' | 'ms'>) {
    const started = dependencies.now().getTime();
    const requestHash = await sha256(raw);
    const previous = await store.get(storeKey);
    if (previous) {
      if (previous.requestHash !== requestHash) return c.json({ error: 'idempotency_key_reused' }, 409);
      log({ ...entry, httpStatus: previous.status, replayed: true, ms: dependencies.now().getTime() - started });
      return c.json(previous.body as object, previous.status as 201, { 'idempotent-replayed': 'true' });
    }
    const answer = await inFlight.run(storeKey, async () => {
      const result = await work();
      const outcome = result.body['outcome'] as Outcome | undefined;
      if (!outcome || isFinal(outcome)) {
        const stored: StoredAnswer = { status: result.status, body: result.body, requestHash };
        await store.set(storeKey, stored, IDEMPOTENCY_TTL_SECONDS);
      }
      return result;
    });
    const outcome = answer.body['outcome'] as Outcome | undefined;
    log({
      ...entry,
      httpStatus: answer.status,
      ...(outcome ? { outcome: outcome.status } : {}),
      ...(outcome?.code ? { code: outcome.code } : {}),
      replayed: false,
      ms: dependencies.now().getTime() - started,
    });
    const retryAfter = outcome?.retryAfterSeconds;
    return c.json(answer.body, answer.status as 201, retryAfter === undefined ? {} : { 'retry-after': String(retryAfter) });
  }

  function deliveryContext(idempotencyKey: string): DeliveryContext {
    return {
      fetch: dependencies.fetch,
      now: dependencies.now,
      idempotencyKey,
      signal: AbortSignal.timeout(config.destinationTimeoutMs),
    };
  }

  async function answerFor(destination: Destination, result: CreateResult, idempotencyKey: string): Promise<Answer> {
    const id = await signLeadId(
      { destination: destination.name, idempotencyKey, ...(result.reference === undefined ? {} : { reference: result.reference }) },
      config.leadIdSecret,
    );
    if (result.outcome.status === 'failed') return { status: 502, body: { id, outcome: forBrowser(result.outcome), next: null } };
    return { status: 201, body: { id, outcome: forBrowser(result.outcome), next: result.next } };
  }

  app.post('/v1/leads', async (c) => {
    const request = await readRequest(c);
    if (request instanceof Response) return request;
    const destinationName = typeof (request.body as { destination?: unknown })?.destination === 'string'
      ? (request.body as { destination: string }).destination
      : '';
    const destination = config.destinations.get(destinationName);
    if (!destination) return c.json({ error: 'unknown_destination' }, 404);
    const check = checkEnvelope(
      request.body,
      {
        fields: destination.fields,
        required: destination.required,
        requireConsent: destination.requireConsent,
        country: destination.country,
        minAge: destination.minAge,
        today: dependencies.now().toISOString().slice(0, 10),
      },
      preferredLocale(c.req.header('accept-language')),
    );
    if (!check.ok) return c.json({ errors: check.errors, codes: check.codes }, 422);
    if (looksAutomated(check.envelope.bot, config.botProtection)) return c.json({ error: 'rejected' }, 403);
    return once(
      c,
      `create:${destination.name}:${request.key}`,
      request.raw,
      async () => answerFor(destination, await destination.adapter.create(check.envelope, deliveryContext(request.key)), request.key),
      { route: 'create', destination: destination.name },
    );
  });

  app.post('/v1/leads/:id/submit', async (c) => {
    const claims = await verifyLeadId(c.req.param('id'), config.leadIdSecret);
    const destination = claims ? config.destinations.get(claims.destination) : undefined;
    if (!claims || !destination) return c.json({ error: 'unknown_lead' }, 404);
    if (!destination.adapter.submit || claims.reference === undefined) return c.json({ error: 'no_submit_step' }, 409);
    const request = await readRequest(c);
    if (request instanceof Response) return request;
    const input = readSubmitInput(request.body, destination);
    if ('errors' in input) return c.json(input, 422);
    const reference = claims.reference;
    const submitStep = destination.adapter.submit.bind(destination.adapter);
    return once(
      c,
      `submit:${destination.name}:${claims.idempotencyKey}:${request.key}`,
      request.raw,
      async () => {
        const outcome = await submitStep(reference, input, deliveryContext(claims.idempotencyKey));
        return { status: outcome.status === 'failed' ? 502 : 201, body: { id: c.req.param('id'), outcome: forBrowser(outcome), next: null } };
      },
      { route: 'submit', destination: destination.name },
    );
  });

  return app;
}

/**
 * A filled honeypot, or a form sent faster than a person fills one, is a bot. Leads without the
 * signals (server-to-server callers) pass unless the configuration requires them.
 */
function looksAutomated(bot: LeadEnvelope['bot'], rules: RelayConfig['botProtection']): boolean {
  if (!bot) return rules.requireSignals;
  return bot.honeypot !== '' || bot.elapsedMs < rules.minFillMs;
}

/** `{ trustedform?, mobile? }`, each checked as the create step checks them. */
function readSubmitInput(body: unknown, destination: Destination): SubmitStepInput | { errors: Record<string, string>; codes: Record<string, string> } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return { errors: { body: 'Expected an object.' }, codes: { body: 'characters' } };
  }
  const { trustedform, mobile } = body as { trustedform?: { certUrl?: unknown; pingUrl?: unknown; token?: unknown }; mobile?: unknown };
  const result: { trustedform?: SubmitStepInput['trustedform']; mobile?: string } = {};
  if (mobile !== undefined) {
    const phone = typeof mobile === 'string' ? checkPhone(mobile.normalize('NFKC'), destination.country) : undefined;
    if (!phone?.ok) return { errors: { mobile: 'Enter a valid mobile phone number.' }, codes: { mobile: phone?.error ?? 'characters' } };
    result.mobile = phone.e164;
  }
  if (trustedform !== undefined) {
    const certUrl = trustedform?.certUrl;
    if (typeof certUrl !== 'string' || !TRUSTEDFORM_CERT_URL.test(certUrl)) {
      return { errors: { 'trustedform.certUrl': 'Not a TrustedForm certificate URL.' }, codes: { 'trustedform.certUrl': 'characters' } };
    }
    result.trustedform = {
      certUrl,
      ...(typeof trustedform.pingUrl === 'string' ? { pingUrl: trustedform.pingUrl } : {}),
      ...(typeof trustedform.token === 'string' ? { token: trustedform.token } : {}),
    };
  }
  return result;
}
