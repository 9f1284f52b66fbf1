import type { TemplateResult } from 'lit';
import { LeadStepEvent } from './events.js';
import { stepMemory, type StepMemory } from './step-memory.js';
import type { StepsHost } from './steps-controller.js';
import { backButtonTemplate, stepProgressTemplate } from './steps-view.js';
import type { UiStrings } from './strings/types.js';

export interface StepSequenceOptions {
  /** The steps of the form: groups of names. */
  readonly steps: () => readonly (readonly string[])[];
  /** Whether the form may keep the completed steps' values for the tab's session (`persist` is not `none`); default no. */
  readonly remember?: (() => boolean) | undefined;
}

/**
 * A form of several steps (DESIGN.md, "Questions and steps"), as the steps controller moves through
 * it: which counted step is shown, the place kept for a reload, the first field focused on a new
 * step, and "Step N of M" with Back. It comes with the questions chunk, which a form of one screen
 * never loads; the steps controller keeps what Submit does on each screen.
 */
export class StepSequence {
  /** Put the person on the first field of the step just shown, once it is on screen. */
  #focusStep = false;
  /** The step shown, counting from 0 (clamped to the steps the configuration has). */
  #index = 0;
  #memory: { form: string; store: StepMemory } | undefined;

  constructor(
    private readonly host: StepsHost,
    private readonly options: StepSequenceOptions,
  ) {}

  /** The counted step shown, counting from 0. */
  get current(): number {
    return Math.max(0, Math.min(this.#index, this.options.steps().length - 1));
  }

  /** Comes back to the step a reload left, with the earlier steps' values, the first time a form with steps renders. */
  restore(): void {
    const steps = this.options.steps();
    const form = steps.length > 1 && this.options.remember?.() ? this.#formKey(steps) : '';
    if (form === (this.#memory?.form ?? '')) return;
    this.#memory = form === '' ? undefined : { form, store: stepMemory(this.#storage(), form) };
    const place = this.#memory?.store.load();
    if (!place || place.step >= steps.length) return;
    this.#index = place.step;
    this.host.values = { ...this.host.values, ...place.values };
  }

  /** Puts the person on the first field of a new step, once it is on screen. */
  focusStep(): void {
    if (!this.#focusStep) return;
    this.#focusStep = false;
    const first = this.host.querySelector<HTMLInputElement>(':scope > form.lc-form .lc-fields :is(input, select, textarea)');
    // In a radio group, the option chosen (arrow keys move from there), else the first.
    const chosen = first?.type === 'radio' ? this.host.querySelector<HTMLElement>(`:scope > form.lc-form .lc-fields input[name="${first.name}"]:checked`) : null;
    (chosen ?? first)?.focus();
  }

  /** Shows another counted step, keeps the place for a reload, and tells the page. */
  go(index: number, focusFirstField = true): void {
    const steps = this.options.steps();
    this.#index = index;
    this.#focusStep = focusFirstField;
    const typed = this.host.values ?? {};
    const values = Object.fromEntries(steps.slice(0, index).flat().flatMap((name) => (typed[name] ? [[name, typed[name]]] : [])));
    this.#memory?.store.save({ step: index, values });
    this.host.requestUpdate();
    this.host.dispatchEvent(new LeadStepEvent({ step: index + 1, total: steps.length }));
  }

  /** Forgets the place kept for a reload (the lead is sent). */
  forget(): void {
    this.#memory?.store.clear();
  }

  /** Back to the first step, the place forgotten, ready for another person. */
  reset(): void {
    this.#index = 0;
    this.forget();
  }

  /** "Step N of M" with its bar. */
  renderProgress(strings: UiStrings, id: string): TemplateResult {
    return stepProgressTemplate(strings, this.current + 1, this.options.steps().length, id);
  }

  /** Back, from the second step on. */
  renderBack(strings: UiStrings, back: () => void): TemplateResult | undefined {
    return this.current > 0 ? backButtonTemplate(strings, back) : undefined;
  }

  /** The key the place is kept under: this page, this form on it, its steps. */
  #formKey(steps: readonly (readonly string[])[]): string {
    const forms = [...this.host.ownerDocument.querySelectorAll(this.host.localName)];
    const which = this.host.id === '' ? `#${forms.indexOf(this.host)}` : this.host.id;
    return `${location.pathname}|${which}|${steps.map((step) => step.join(' ')).join(' | ')}`;
  }

  #storage(): Storage | undefined {
    try {
      return window.sessionStorage;
    } catch {
      return undefined;
    }
  }
}
