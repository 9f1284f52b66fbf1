import type { TemplateResult } from 'lit';
import type { FlowState } from '../flow/submission.js';

/** Delivery as the steps and the element's render use it: the state shown, and sending. */
export interface DeliveryPort {
  readonly state: FlowState;
  readonly busy: boolean;
  readonly done: boolean;
  readonly retryable: boolean;
  status: string;
  alert: string;
  send(lead: Readonly<Record<string, string>>): Promise<void>;
  sendConsentStep(mobile: string): Promise<void>;
  /** Whether the consent the person gave could have been seen; when not, says so to the person and the page. */
  consentWasVisible(): Promise<boolean>;
  reset(): void;
  renderHidden(): TemplateResult;
  renderProgress(): TemplateResult;
}

const IDLE: FlowState = { phase: 'idle' };

/**
 * Where delivery plugs in. The delivery chunk (flow, outbox, adapters, evidence, tracking) arrives just
 * after the form first renders; until then the form renders as delivery would render an idle form
 * (the same hidden fields, status and alert regions, so nothing moves when it arrives), and nothing is
 * sent: the element's `submit()` waits for the chunk before it goes on.
 */
export class DeliverySlot implements DeliveryPort {
  #real: DeliveryPort | undefined;
  /** What the person is told before delivery is here (it could not be loaded, say). */
  #alert = '';

  constructor(private readonly idle: Pick<DeliveryPort, 'renderHidden'> & { renderProgress(alert: string): TemplateResult }) {}

  attach(real: DeliveryPort): void {
    this.#real = real;
  }

  get state(): FlowState {
    return this.#real?.state ?? IDLE;
  }
  get busy(): boolean {
    return this.#real?.busy ?? false;
  }
  get done(): boolean {
    return this.#real?.done ?? false;
  }
  get retryable(): boolean {
    return this.#real?.retryable ?? false;
  }
  set status(message: string) {
    if (this.#real) this.#real.status = message;
  }
  set alert(message: string) {
    if (this.#real) this.#real.alert = message;
    else this.#alert = message;
  }

  send(lead: Readonly<Record<string, string>>): Promise<void> {
    return this.#loaded().send(lead);
  }
  sendConsentStep(mobile: string): Promise<void> {
    return this.#loaded().sendConsentStep(mobile);
  }
  consentWasVisible(): Promise<boolean> {
    return this.#loaded().consentWasVisible();
  }
  reset(): void {
    this.#real?.reset();
  }
  renderHidden(): TemplateResult {
    return (this.#real ?? this.idle).renderHidden();
  }
  renderProgress(): TemplateResult {
    return this.#real ? this.#real.renderProgress() : this.idle.renderProgress(this.#alert);
  }

  #loaded(): DeliveryPort {
    if (!this.#real) throw new Error('<lead-capture>: delivery is not loaded yet');
    return this.#real;
  }
}
