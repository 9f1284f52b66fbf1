import type { Adapter } from './adapter.js';
import { defined } from './defined.js';
import { httpFailure, pick, pickText, requestOnce, resendToDeduplicating, stringRecord, type WireRequest, type WireResponse } from './http.js';
import type { LeadEnvelope, Outcome } from './lead.js';
import { firstProblem, httpUrl, type Settings, type SettingsProblem } from './settings-check.js';

export interface WebhookSettings {
  /** Where the lead JSON is POSTed. */
  readonly url: string;
  /** Extra headers, e.g. a shared token the page may show. Never a secret: pages are public. */
  readonly headers?: Readonly<Record<string, string>>;
}

/** Our own lead JSON, POSTed as it is, with the idempotency key as a header. */
export function buildWebhookRequest(
  envelope: LeadEnvelope,
  settings: WebhookSettings,
  idempotencyKey: string,
): WireRequest {
  return {
    url: settings.url,
    method: 'POST',
    headers: {
      ...settings.headers,
      'content-type': 'application/json',
      'idempotency-key': idempotencyKey,
    },
    body: JSON.stringify(envelope),
  };
}

/**
 * A generic JSON endpoint's answer: 2xx accepted (its `id` kept), 409 duplicate, 400/422 invalid
 * (with `errors: {field: message}` when it gives them), 408/429/5xx retryable, any other status rejected.
 */
export function readWebhookResponse(response: WireResponse, now: Date): Outcome {
  const withId = defined({ destinationId: pickText(response.body, 'id') ?? pickText(response.body, 'leadId') });
  if (response.status >= 200 && response.status < 300) return { status: 'accepted', retryable: false, ...withId };
  if (response.status === 409) return { status: 'duplicate', retryable: false, code: 'http_409', ...withId };
  if (response.status === 400 || response.status === 422) {
    return {
      status: 'invalid',
      retryable: false,
      code: `http_${response.status}`,
      ...defined({ message: pickText(response.body, 'message'), fieldErrors: stringRecord(pick(response.body, 'errors')) }),
    };
  }
  return httpFailure(response, now);
}

/**
 * The `webhook` adapter: one POST of our lead JSON; usable straight from the browser. The webhook
 * contract asks receivers to honour Idempotency-Key, so a resend is never a second record: every
 * failure may be sent again (`singleRequestAdapter` with `deduplicates` would answer the same, and
 * bring into the browser the policy for destinations that do not deduplicate).
 */
export function webhook(settings: WebhookSettings): Adapter {
  return {
    name: 'webhook',
    deduplicates: true,
    create: async (envelope, context) => ({
      outcome: resendToDeduplicating(
        await requestOnce((lead, { idempotencyKey }) => buildWebhookRequest(lead, settings, idempotencyKey), readWebhookResponse, envelope, context),
      ),
      next: null,
    }),
  };
}

/** Checked when the relay loads its configuration (src/relay/registry.ts). */
export function validateWebhookSettings(settings: Settings): SettingsProblem | undefined {
  const headers = settings['headers'];
  const headersOk =
    headers === undefined ||
    (typeof headers === 'object' && headers !== null && !Array.isArray(headers) && Object.values(headers).every((value) => typeof value === 'string'));
  return firstProblem(httpUrl(settings, 'url'), headersOk ? undefined : { setting: 'headers', problem: 'must be an object of header names to string values' });
}
