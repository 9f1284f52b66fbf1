import type { Context } from 'hono';
import type { DeliveryContext } from '../adapters/adapter.js';
import type { Outcome } from '../adapters/lead.js';
import type { RequestSeen } from '../ledger/evidence.js';
import type { RelayLogEntry } from './app.js';
import type { RelayConfig } from './config.js';
import type { Destination } from './destination-config.js';
import type { IdempotencyStore } from './idempotency.js';
import type { LedgerCreate } from './ledger-create.js';
import { timeoutOf } from './ledger-worker.js';
import type { RelayLedgerDependency } from './node-ledger.js';
import { outcomeOf, type Answer, type AnswerMemory, type Repeat } from './once.js';
import { publicOutcome } from './public-outcome.js';

/**
 * What the lead routes (create-route.ts, submit-route.ts) are built from, once per relay by
 * `createRelay`: its configuration, its clock and fetch, and its memory of answers.
 */
export interface LeadRouteDependencies {
  readonly config: RelayConfig;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  readonly log: (entry: RelayLogEntry) => void;
  /** The lead ledger, when the relay has one (ledger-wiring.ts). */
  readonly ledger: RelayLedgerDependency | undefined;
  readonly store: IdempotencyStore;
  readonly memory: AnswerMemory;
}

/** Under which key a request's answer is remembered, for how long, and what a repeat of it gets. */
export interface MemoryKey {
  readonly key: string;
  readonly requestHash: string;
  readonly ttlSeconds: number;
  readonly repeat: Repeat;
}

const IDEMPOTENCY_KEY = /^[\w-]{8,100}$/;

/**
 * A refused body may be left half-read on the socket: the connection closes with the answer, so
 * the client's next request never lands on it ("other side closed", issue 13).
 */
export function refuseBody(c: Context, error: string, status: 400 | 413): Response {
  return c.json({ error }, status, { connection: 'close' });
}

/** The ledger cannot be read or written: nothing was sent on, and the browser keeps the lead and retries. */
export function ledgerUnavailable(c: Context): Response {
  return c.json({ error: 'ledger_unavailable' }, 503, { 'retry-after': '5' });
}

/** Reads the key and the JSON body, or answers why not. */
export async function readRequest(c: Context): Promise<{ key: string; raw: string; body: unknown } | Response> {
  const key = c.req.header('idempotency-key') ?? '';
  if (!IDEMPOTENCY_KEY.test(key)) return refuseBody(c, 'idempotency_key_required', 400);
  const raw = await c.req.text();
  try {
    return { key, raw, body: JSON.parse(raw) as unknown };
  } catch {
    return refuseBody(c, 'body_not_json', 400);
  }
}

/** An outcome as the browser gets it, with the HTTP status the protocol gives it (DESIGN.md, "The relay protocol"). */
export function answerWith(outcome: Outcome, fields: Record<string, unknown>): Answer {
  const status = outcome.status === 'failed' ? 502 : outcome.status === 'queued' ? 202 : 201;
  return { status, body: { ...fields, outcome: publicOutcome(outcome) } };
}

/** What the relay itself saw of a request, kept beside the consent evidence: when, from where, with which browser. */
export function requestSeen(c: Context, receivedAt: Date): RequestSeen {
  const userAgent = c.req.header('user-agent')?.slice(0, 512);
  return { receivedAt, clientIp: c.get('clientAddress'), ...(userAgent ? { userAgent } : {}) };
}

/** The relay's clock in whole seconds, as lead ids count time. */
export function nowSeconds(routes: LeadRouteDependencies): number {
  return Math.floor(routes.now().getTime() / 1000);
}

/** One step's context, bounded by the destination's own bound where it needs longer (MLAS `createLead`). */
export function deliveryContext(routes: LeadRouteDependencies, destination: Destination, idempotencyKey: string): DeliveryContext {
  return {
    fetch: routes.fetch,
    now: routes.now,
    idempotencyKey,
    signal: AbortSignal.timeout(timeoutOf(destination.adapter, routes.config)),
  };
}

/** Runs the work once per memory key (see once.ts) and answers. */
export function respond(
  routes: LeadRouteDependencies,
  c: Context,
  route: 'create' | 'submit',
  destination: Destination,
  memoryKey: MemoryKey,
  work: () => Promise<Answer>,
): Promise<Response> {
  return answerOnce(routes, c, route, destination, async () => {
    try {
      return await routes.memory.once(memoryKey.key, memoryKey.requestHash, memoryKey.ttlSeconds, memoryKey.repeat, work);
    } catch (error) {
      // The ledger's answer memory cannot be read or written: nothing is sent on (503).
      if (routes.ledger) return { kind: 'unavailable' };
      throw error;
    }
  });
}

/** Answers what a once-per-key run came to, with one log line. */
export async function answerOnce(
  routes: LeadRouteDependencies,
  c: Context,
  route: 'create' | 'submit',
  destination: Destination,
  run: () => Promise<LedgerCreate>,
): Promise<Response> {
  const started = routes.now().getTime();
  const result = await run();
  if (result.kind === 'unavailable') return ledgerUnavailable(c);
  if (result.kind === 'conflict') return c.json({ error: 'idempotency_key_reused' }, 409);
  if (result.kind === 'busy') return c.json({ error: 'in_progress' }, 409, { 'retry-after': '1' });
  const { answer, replayed } = result;
  const outcome = outcomeOf(answer) as ReturnType<typeof publicOutcome> | undefined;
  routes.log({
    route,
    destination: destination.name,
    httpStatus: answer.status,
    ...(outcome ? { outcome: outcome.status } : {}),
    ...(outcome?.code ? { code: outcome.code } : {}),
    replayed,
    ms: routes.now().getTime() - started,
  });
  const headers: Record<string, string> = replayed ? { 'idempotent-replayed': 'true' } : {};
  if (!replayed && outcome?.retryAfterSeconds !== undefined) headers['retry-after'] = String(outcome.retryAfterSeconds);
  return c.json(answer.body, answer.status as 201, headers);
}
