/**
 * The ES-module bundle's entry (`dist/lead-capture.js`): the tag registered, and what a page needs to
 * talk to it: the element's class, its events and types, the field catalogue and the error codes.
 * Everything here is in the first chunk, so it stays small; the rules (`createLeadValidator`) and the
 * adapters (`relay`, `webhook`) are loaded by the element itself when it needs them and are exported
 * by the source surface (`src/index.ts`), not by the bundle.
 */
import './define.js';

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
