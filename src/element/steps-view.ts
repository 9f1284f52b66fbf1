import { html, type TemplateResult } from 'lit';
import type { UiStrings } from './strings/index.js';

/**
 * "Step 2 of 3" and a bar that fills as the steps go by. The words are a polite live region that is
 * on the page from the first step, so each move is announced; the bar only repeats them for the
 * eye (a native `<progress>`: no inline style, so it passes a strict style-src).
 */
export function stepProgressTemplate(strings: UiStrings, step: number, total: number, id: string): TemplateResult {
  return html`<div class="lc-progress">
    <p class="lc-progress-text" id=${id} aria-live="polite">${strings.stepOf(step, total)}</p>
    <progress class="lc-progress-bar" max=${total} .value=${step} aria-hidden="true"></progress>
  </div>`;
}

/** Back to the previous step, values kept; a plain button, so Enter in a field still means Next. */
export function backButtonTemplate(strings: UiStrings, onBack: () => void): TemplateResult {
  return html`<button class="lc-button lc-back" type="button" @click=${onBack}>${strings.back}</button>`;
}
