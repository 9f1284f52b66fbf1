import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BuilderState } from '../state.js';

/** What every panel gets: the settings, and how to change them. */
export interface PanelContext {
  readonly state: BuilderState;
  /** Replaces the settings; `message` is announced (what changed besides the control itself). */
  readonly change: (next: BuilderState, message?: string) => void;
  /** Moves focus to the element with this id once the change has rendered. */
  readonly focusLater: (id: string) => void;
}

type Input = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;
const valueOf = (event: Event) => (event.target as Input).value;

interface TextOptions {
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
  readonly type?: 'text' | 'url' | 'number';
  readonly placeholder?: string;
  readonly multiline?: boolean;
  readonly min?: number;
  readonly max?: number;
}

function described(id: string, options: TextOptions): string | typeof nothing {
  const ids = [options.error ? `${id}-error` : '', options.hint ? `${id}-hint` : ''].filter(Boolean).join(' ');
  return ids || nothing;
}

/** A labelled text input (or textarea), with an optional hint and error tied to it. */
export function textControl(id: string, label: string, value: string, set: (value: string) => void, options: TextOptions = {}): TemplateResult {
  const describedBy = described(id, options);
  const invalid = options.error ? 'true' : nothing;
  return html`<div class="b-control">
    <label for=${id}>${label}</label>
    ${options.multiline
      ? html`<textarea id=${id} rows="5" .value=${live(value)} aria-describedby=${describedBy} aria-invalid=${invalid} @input=${(event: Event) => set(valueOf(event))}></textarea>`
      : html`<input id=${id} type=${options.type ?? 'text'} .value=${live(value)} placeholder=${options.placeholder ?? nothing}
          min=${options.min ?? nothing} max=${options.max ?? nothing} aria-describedby=${describedBy} aria-invalid=${invalid}
          @input=${(event: Event) => set(valueOf(event))} />`}
    ${options.error ? html`<p class="b-error" id="${id}-error">${options.error}</p>` : nothing}
    ${options.hint ? html`<p class="b-hint" id="${id}-hint">${options.hint}</p>` : nothing}
  </div>`;
}

/** A labelled select. */
export function selectControl<T extends string>(id: string, label: string, value: T, choices: readonly (readonly [T, string])[], set: (value: T) => void, hint?: string): TemplateResult {
  return html`<div class="b-control">
    <label for=${id}>${label}</label>
    <select id=${id} aria-describedby=${hint ? `${id}-hint` : nothing} @change=${(event: Event) => set(valueOf(event) as T)}>
      ${choices.map(([choice, text]) => html`<option value=${choice} ?selected=${choice === value}>${text}</option>`)}
    </select>
    ${hint ? html`<p class="b-hint" id="${id}-hint">${hint}</p>` : nothing}
  </div>`;
}

/** A checkbox inside its label. */
export function checkboxControl(id: string, label: string | TemplateResult, checked: boolean, set: (checked: boolean) => void, options: { hint?: string; disabled?: boolean } = {}): TemplateResult {
  return html`<div class="b-check">
    <input id=${id} type="checkbox" .checked=${live(checked)} ?disabled=${options.disabled ?? false}
      aria-describedby=${options.hint ? `${id}-hint` : nothing} @change=${(event: Event) => set((event.target as HTMLInputElement).checked)} />
    <label for=${id}>${label}</label>
    ${options.hint ? html`<p class="b-hint" id="${id}-hint">${options.hint}</p>` : nothing}
  </div>`;
}
