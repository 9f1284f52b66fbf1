import type { Context } from 'hono';
import type { CreateResult } from '../adapters/adapter.js';
import { defined } from '../adapters/defined.js';
import type { LeadEnvelope } from '../adapters/lead.js';
import { isLocale, type Locale } from '../fields/messages/index.js';
import { verifyChallenge } from './challenge.js';
import type { RelayConfig } from './config.js';
import type { Destination } from './destination-config.js';
import { checkEnvelope, withReceivedAt } from './envelope.js';
import { sha256Hex } from './hash.js';
import { signLeadId } from './lead-id.js';
import { screenLead } from './lead-quality.js';
import { createThroughLedger } from './ledger-create.js';
import { timeoutOf } from './ledger-worker.js';
import { isKnownCreate, ownLeadLookup, rememberPerson } from './ledger-wiring.js';
import { ANSWER_TTL_SECONDS, sameBodyOnly, stepKey, type Answer } from './once.js';
import { answerOnce, answerWith, deliveryContext, ledgerUnavailable, nowSeconds, readRequest, requestSeen, respond, type LeadRouteDependencies } from './route-answers.js';

function preferredLocale(header: string | undefined): Locale {
  const first = (header ?? '').slice(0, 100).split(',')[0]?.trim().split(/[-;]/)[0]?.toLowerCase() ?? '';
  return isLocale(first) ? first : 'en';
}

/**
 * A filled honeypot, or a form sent faster than a person fills one, is a bot; so is a lead without
 * the signals, unless the configuration lets server-to-server callers through (`requireSignals: false`).
 */
function looksAutomated(bot: LeadEnvelope['bot'], rules: RelayConfig['botProtection']): boolean {
  if (!bot) return rules.requireSignals;
  return bot.honeypot !== '' || bot.elapsedMs < rules.minFillMs;
}

/**
 * The first step's answer: the destination's outcome, and the signed lead id the second step brings
 * back. A lead that takes over the second step of an earlier lead of ours (`takesOver`: MLAS matched
 * it to that lead, qualified and never submitted) carries that lead's key, so its submit is that
 * lead's: remembered, and done at most once, for both.
 */
async function createAnswer(routes: LeadRouteDependencies, destination: Destination, result: CreateResult, idempotencyKey: string): Promise<Answer> {
  const issuedAt = nowSeconds(routes);
  const next = result.outcome.status === 'failed' ? null : result.next;
  const id = await signLeadId(
    {
      destination: destination.name,
      idempotencyKey: next === 'submit' && result.takesOver !== undefined ? result.takesOver : idempotencyKey,
      issuedAt,
      expiresAt: issuedAt + routes.config.leadIdTtlSeconds,
      ...defined({ reference: result.reference }),
    },
    routes.config.leadIdSecret,
  );
  return answerWith(result.outcome, { id, next });
}

/**
 * `POST /v1/leads`, the first step: the envelope checked against its destination's rules, the bot
 * signals and the challenge, then the lead sent once per idempotency key, through the ledger where
 * the relay has one (DESIGN.md, "The relay protocol (v1)").
 */
export function createRoute(routes: LeadRouteDependencies): (c: Context) => Promise<Response> {
  const { config, ledger } = routes;
  return async (c) => {
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
        today: routes.now().toISOString().slice(0, 10),
      },
      preferredLocale(c.req.header('accept-language')),
    );
    if (!check.ok) return c.json({ errors: check.errors, codes: check.codes }, 422);
    if (looksAutomated(check.envelope.bot, config.botProtection)) return c.json({ error: 'rejected' }, 403);
    const receivedAt = routes.now();
    const envelope = withReceivedAt(check.envelope, receivedAt);
    const requestHash = sha256Hex(request.raw);
    if (destination.challenge) {
      // A token verifies once: a repeat of a key the relay knows gets its first answer, unverified again.
      let known: boolean;
      try {
        known = await isKnownCreate(routes, destination, request.key, requestHash);
      } catch {
        return ledgerUnavailable(c);
      }
      if (!known) {
        const verdict = await verifyChallenge(destination.challenge, envelope.bot?.challengeToken, c.get('clientAddress'), routes.fetch);
        if (verdict.kind === 'failed') return c.json({ error: 'challenge_failed' }, 403);
        // Never a silent pass: the provider out of reach is a retry, and nothing is stored or sent.
        if (verdict.kind === 'unavailable') return c.json({ error: 'challenge_unavailable' }, 503, { 'retry-after': '5' });
      }
    }
    // Built as the destination is called (its bound starts then), with the relay's own earlier
    // leads for a destination that matches this lead to one of them (mlas.ts).
    const createContext = () => ({ ...deliveryContext(routes, destination, request.key), ownLead: ownLeadLookup(routes, destination) });
    if (ledger) {
      return answerOnce(routes, c, 'create', destination, () =>
        createThroughLedger(ledger, {
          destination: destination.name,
          key: request.key,
          requestHash,
          envelope,
          seen: requestSeen(c, receivedAt),
          timeoutMs: timeoutOf(destination.adapter, config),
          send: () => destination.adapter.create(envelope, createContext()),
          answerFor: (outcome, next, step) => createAnswer(routes, destination, { ...step, outcome, next }, request.key),
          now: routes.now,
          screen: (leadId) =>
            screenLead({ engine: ledger.engine, key: config.matchKey, fetch: routes.fetch, now: receivedAt, delivery: ledger.delivery }, destination, envelope, leadId),
        }),
      );
    }
    const memoryKey = { key: stepKey('create', destination.name, request.key), requestHash, ttlSeconds: ANSWER_TTL_SECONDS, repeat: sameBodyOnly };
    return respond(routes, c, 'create', destination, memoryKey, async () => {
      const result = await destination.adapter.create(envelope, createContext());
      await rememberPerson(routes, destination, request.key, envelope, result);
      return createAnswer(routes, destination, result, request.key);
    });
  };
}
