import type { ReactiveControllerHost } from 'lit';
import type { ConsentVisibilityChunk } from './chunks.js';
import type { LeadCaptureConfig } from './config.js';
import type { ConsentController } from './consent-controller.js';
import type { FieldsController } from './fields-controller.js';
import type { LeadCapture } from './lead-capture.js';
import type { StepsController } from './steps-controller.js';
import type { TrackingController } from './tracking-controller.js';

/** The element as delivery sees it: the values, and the properties that are not part of `config`. */
export type DeliveryHost = ReactiveControllerHost &
  HTMLElement &
  Pick<LeadCapture, 'values' | 'persist' | 'requestTimeout' | 'retryPolicy' | 'minFillMs' | 'challengeField' | 'challenge'>;

/** What delivery works with besides the element: its configuration, the steps, the fields, consent and tracking. */
export interface DeliveryOptions {
  readonly config: () => LeadCaptureConfig;
  readonly steps: () => StepsController;
  readonly fields: FieldsController;
  readonly consent: ConsentController;
  readonly tracking: TrackingController;
  /** The consent check (its own chunk, which only a form that asks for consent loads). */
  readonly consentVisibility: () => Promise<ConsentVisibilityChunk>;
}
