/**
 * What a page needs to talk to the element, free of side effects: its class, events and types, the
 * field catalogue and the error codes. All of it lives in the bundle's first chunk, so the bundle
 * (`embed.ts`) exports exactly this; `index.ts` adds the rules and the adapters for code that bundles
 * the source itself.
 */
export { LeadCapture } from './element/lead-capture.js';
export type { LeadCaptureConfig } from './element/config.js';
export * from './element/events.js';
export type { Adapter, CreateResult, DeliveryContext } from './adapters/adapter.js';
export type {
  ConsentEvidence,
  JornayaToken,
  LeadEnvelope,
  LeadFields,
  Outcome,
  OutcomeStatus,
  SubmitStepInput,
  TrustedFormCertificate,
} from './adapters/lead.js';
export type { RelaySettings } from './adapters/relay.js';
export type { WebhookSettings } from './adapters/webhook.js';
export type { LeadRules, LeadValidator } from './fields/validate.js';
export { FIELD_KEYS, type FieldKey } from './fields/keys.js';
export { FIELD_CATALOGUE, type FieldDefinition } from './fields/catalogue.js';
export { FIELD_ERROR_CODES, type FieldErrorCode } from './fields/error-codes.js';
