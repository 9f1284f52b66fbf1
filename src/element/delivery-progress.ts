import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { FlowState } from '../flow/submission.js';
import type { DeliveryView } from './delivery-view.js';

/**
 * What the person is told about the lead on its way (delivery-view.ts renders it), and what takes
 * focus after a render: the thank-you's heading when the lead is through, or a field to fix. The
 * delivery controller builds on it (delivery-controller.ts).
 */
export class DeliveryProgress implements ReactiveController {
  #view: DeliveryView = { state: { phase: 'idle' }, preparing: false, status: '', alert: '' };
  /** What takes focus after the next render: the thank-you's heading, or a field a destination refused. */
  #focusOnDone: string | undefined;

  constructor(protected readonly host: ReactiveControllerHost & HTMLElement) {}

  /** Takes the person to what just appeared: the thank-you (in view on a phone too), or the field to fix. */
  hostUpdated(): void {
    const selector = this.#focusOnDone;
    if (selector === undefined) return;
    this.#focusOnDone = undefined;
    const target = this.host.querySelector<HTMLElement>(`:scope > form.lc-form ${selector}`);
    if (!target) return;
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }

  get view(): DeliveryView {
    return this.#view;
  }
  get state(): FlowState {
    return this.#view.state;
  }
  get busy(): boolean {
    return this.#view.state.phase === 'sending' || this.#view.preparing;
  }
  get done(): boolean {
    return this.#view.state.phase === 'done';
  }
  /** After a retryable failure the one button becomes "Try again": it sends the same lead with the same key. */
  get retryable(): boolean {
    const state = this.#view.state;
    return state.phase === 'failed' && (state.outcome.retryable || state.outcome.code === 'trustedform_required');
  }
  set status(message: string) {
    this.show({ status: message });
  }
  set alert(message: string) {
    this.show({ alert: message });
  }

  /** Changes what the person is told, and re-renders (the controller's `@state()`). */
  protected show(change: Partial<DeliveryView>): void {
    const nowDone = change.state?.phase === 'done' && this.#view.state.phase !== 'done';
    if (nowDone) this.#focusOnDone = '.lc-success-title';
    // A lead that went through after a failure (back online, a retry): no failure stays beside the thank-you.
    this.#view = { ...this.#view, ...change, ...(nowDone ? { alert: '' } : {}) };
    this.host.requestUpdate();
  }

  /** After the next render, takes the person to this control of the form (a field a destination refused). */
  protected focusAfterRender(selector: string): void {
    this.#focusOnDone = selector;
  }
}
