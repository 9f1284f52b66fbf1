/** The package's side-effect-free surface: classes, types, schemas and adapters. `define.ts` registers the tag. */
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
export { relay, type RelaySettings } from './adapters/relay.js';
export { webhook, type WebhookSettings } from './adapters/webhook.js';
export { FIELD_KEYS, type FieldKey } from './fields/keys.js';
export { FIELD_CATALOGUE, type FieldDefinition } from './fields/catalogue.js';
export { createLeadValidator, type LeadRules, type LeadValidator } from './fields/validate.js';
export { FIELD_ERROR_CODES, type FieldErrorCode } from './fields/error-codes.js';
