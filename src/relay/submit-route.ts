import type { Context } from 'hono';
import { sha256Hex } from './hash.js';
import { verifyLeadId } from './lead-id.js';
import { claimOnSubmit, keepSubmitConsent } from './ledger-wiring.js';
import { ANSWER_TTL_SECONDS, oncePerLead, stepKey } from './once.js';
import { answerWith, deliveryContext, nowSeconds, readRequest, requestSeen, respond, type LeadRouteDependencies } from './route-answers.js';
import { checkSubmitInput } from './submit-input.js';

/**
 * The second step. The lead id travels in the body (`{ id, trustedform?, mobile? }`), out of the
 * URL that proxies log; `/v1/leads/:id/submit` stays as an alias for widgets already deployed, whose
 * id (`idInPath`) comes in the path.
 */
export function submitRoute(routes: LeadRouteDependencies): (c: Context, idInPath: string | undefined) => Promise<Response> {
  const { config } = routes;
  return async (c, idInPath) => {
    const request = await readRequest(c);
    if (request instanceof Response) return request;
    const id = idInPath ?? (request.body as { id?: unknown } | null)?.id;
    const claims = typeof id === 'string' ? await verifyLeadId(id, config.leadIdSecret, nowSeconds(routes)) : undefined;
    const destination = claims ? config.destinations.get(claims.destination) : undefined;
    if (!claims || !destination) return c.json({ error: 'unknown_lead' }, 404);
    const submitStep = destination.adapter.submit?.bind(destination.adapter);
    const reference = claims.reference;
    if (!submitStep || reference === undefined) return c.json({ error: 'no_submit_step' }, 409);
    const checked = checkSubmitInput(request.body, destination.country, destination.acceptConsent);
    if (!checked.ok) return c.json({ errors: checked.errors, codes: checked.codes }, 422);
    const memoryKey = {
      key: stepKey('submit', destination.name, claims.idempotencyKey),
      requestHash: sha256Hex(JSON.stringify(checked.input)),
      // Remembered as long as the create step's answer, past the id's expiry: a later lead of the
      // same person, matched by the destination to this one, learns from it that this lead's second
      // step is over (ledger-wiring.ts, ownLeadLookup), and a takeover's submit replays it.
      ttlSeconds: ANSWER_TTL_SECONDS,
      repeat: oncePerLead,
    };
    const seen = requestSeen(c, routes.now());
    return respond(routes, c, 'submit', destination, memoryKey, async () => {
      await keepSubmitConsent(routes, destination, claims.idempotencyKey, checked.input, seen);
      const stop = await claimOnSubmit(routes, destination, claims.idempotencyKey, checked.input);
      if (stop) return answerWith(stop, { id, next: null });
      return answerWith(await submitStep(reference, checked.input, deliveryContext(routes, destination, claims.idempotencyKey)), { id, next: null });
    });
  };
}
