import type { Adapter, CreateResult, DeliveryContext } from './adapter.js';
import { defined } from './defined.js';
import { exchange, httpFailure, networkFailure, pick, pickText, retryAfterSeconds, stringRecord, type WireRequest, type WireResponse } from './http.js';
import { OUTCOME_STATUSES, type LeadEnvelope, type Outcome, type OutcomeStatus, type SubmitStepInput } from './lead.js';

export interface RelaySettings {
  /** The relay's base URL, e.g. `https://relay.example.com/v1`. */
  readonly endpoint: string;
  /** Which destination in the relay's config gets the lead. */
  readonly destination: string;
}

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}/${path}`;
}

function post(url: string, body: unknown, idempotencyKey: string): WireRequest {
  return {
    url,
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
    body: JSON.stringify(body),
  };
}

export function buildRelayCreateRequest(envelope: LeadEnvelope, settings: RelaySettings, idempotencyKey: string): WireRequest {
  return post(joinUrl(settings.endpoint, 'leads'), { ...envelope, destination: settings.destination }, idempotencyKey);
}

/**
 * The second step: `POST {endpoint}/leads/submit` with `{ id, trustedform?, mobile? }`. The lead id
 * travels in the body, never in the URL, which proxies and access logs keep (issue 11).
 */
export function buildRelaySubmitRequest(
  leadId: string,
  input: SubmitStepInput,
  settings: RelaySettings,
  idempotencyKey: string,
): WireRequest {
  return post(joinUrl(settings.endpoint, 'leads/submit'), { ...input, id: leadId }, idempotencyKey);
}

function isOutcomeStatus(value: unknown): value is OutcomeStatus {
  return typeof value === 'string' && (OUTCOME_STATUSES as readonly string[]).includes(value);
}

/** The relay's `outcome` object, read without trusting its shape. */
function readOutcome(value: unknown): Outcome | undefined {
  const status = pick(value, 'status');
  if (!isOutcomeStatus(status)) return undefined;
  const retryAfter = pick(value, 'retryAfterSeconds');
  return {
    status,
    retryable: status === 'failed' && pick(value, 'retryable') !== false,
    ...defined({
      code: pickText(value, 'code'),
      message: pickText(value, 'message'),
      destinationId: pickText(value, 'destinationId'),
      fieldErrors: stringRecord(pick(value, 'fieldErrors')),
      retryAfterSeconds: typeof retryAfter === 'number' ? retryAfter : undefined,
    }),
  };
}

/**
 * The relay protocol v1 (DESIGN.md): `201 {id, outcome, next}`, `422 {errors, codes}` for bad fields,
 * `502 {outcome}` when the destination failed, and plain HTTP statuses for the rest.
 */
export function readRelayResponse(response: WireResponse, now: Date): CreateResult {
  const outcome = readOutcome(pick(response.body, 'outcome'));
  if (response.status >= 200 && response.status < 300 && outcome) {
    return { outcome, next: pick(response.body, 'next') === 'submit' ? 'submit' : null, ...defined({ reference: pickText(response.body, 'id') }) };
  }
  if (response.status === 422) {
    const fieldErrors = stringRecord(pick(response.body, 'codes')) ?? stringRecord(pick(response.body, 'errors'));
    return {
      outcome: { status: 'invalid', retryable: false, code: 'invalid_fields', ...defined({ fieldErrors }) },
      next: null,
    };
  }
  // Another request with this lead is with the destination right now: send again shortly.
  if (response.status === 409 && pickText(response.body, 'error') === 'in_progress') {
    return { outcome: { status: 'failed', retryable: true, code: 'in_progress', retryAfterSeconds: retryAfterSeconds(response.headers, now) ?? 1 }, next: null };
  }
  if (outcome) return { outcome: { ...outcome, ...defined({ retryAfterSeconds: retryAfterSeconds(response.headers, now) }) }, next: null };
  return { outcome: httpFailure(response, now), next: null };
}

/** The `relay` adapter: the browser's side of the relay protocol. Holds no secrets; the relay does. */
export function relay(settings: RelaySettings): Adapter {
  return {
    name: 'relay',
    async create(envelope: LeadEnvelope, context: DeliveryContext) {
      try {
        const response = await exchange(buildRelayCreateRequest(envelope, settings, context.idempotencyKey), context.fetch, context.signal);
        return readRelayResponse(response, context.now());
      } catch (error) {
        return { outcome: networkFailure(error), next: null };
      }
    },
    async submit(reference: string, input: SubmitStepInput, context: DeliveryContext) {
      try {
        const request = buildRelaySubmitRequest(reference, input, settings, context.idempotencyKey);
        const response = await exchange(request, context.fetch, context.signal);
        return readRelayResponse(response, context.now()).outcome;
      } catch (error) {
        return networkFailure(error);
      }
    },
  };
}
