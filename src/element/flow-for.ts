import type { Adapter } from '../adapters/adapter.js';
import { relay } from '../adapters/relay.js';
import { webhook } from '../adapters/webhook.js';
import { exclusive } from '../flow/exclusive.js';
import type { Outbox } from '../flow/outbox.js';
import type { RetryPolicy } from '../flow/retry.js';
import { SubmissionFlow } from '../flow/submission.js';
import type { LeadCaptureConfig } from './config.js';

/** What a flow is built from beside the configuration: the element's delivery properties and its outbox. */
export interface FlowSettings {
  readonly outbox: Outbox;
  readonly retryPolicy: RetryPolicy;
  /** How long one send may take, in ms; not positive means the default 15000. */
  readonly requestTimeout: number;
}

/** The adapter a configuration names: a partner's own, the webhook, or the relay; none without an endpoint. */
export function adapterFor(config: LeadCaptureConfig): Adapter | undefined {
  if (typeof config.adapter === 'object') return config.adapter;
  if (config.endpoint === '') return undefined;
  if (config.adapter === 'webhook') return webhook({ url: config.endpoint });
  return relay({ endpoint: config.endpoint, destination: config.destination });
}

/** The submission flow for a configuration, or undefined when it names nowhere to send. */
export function flowFor(config: LeadCaptureConfig, settings: FlowSettings): SubmissionFlow | undefined {
  const adapter = adapterFor(config);
  if (!adapter) return undefined;
  return new SubmissionFlow({
    adapter,
    fetch: (input, init) => fetch(input, init),
    now: () => new Date(),
    outbox: settings.outbox,
    // The outbox holds leads of every widget on the site: each flow resumes only its own.
    target: typeof config.adapter === 'object' ? `custom:${adapter.name}` : `${config.adapter}|${config.endpoint}|${config.destination}`,
    retry: settings.retryPolicy,
    requestTimeoutMs: settings.requestTimeout > 0 ? settings.requestTimeout : 15_000,
    exclusive,
    // Consent came with the form: the second step follows the first with no one to ask.
    autoSubmit: config.consentTiming === 'create',
  });
}
