import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { contrastRatio, parseColour, WHITE } from '../../consent/contrast.js';
import { DEFAULT_RADIUS } from '../state.js';
import { selectControl, textControl, type PanelContext } from './controls.js';

/** The accents the widget's themes use (src/element/styles.ts). */
const THEME_ACCENT = { light: '#0a55c2', dark: '#4493f8', auto: '#0a55c2' } as const;
const THEME_BACKGROUND = { light: '#ffffff', dark: '#0d1117', auto: '#ffffff' } as const;

/** Language, theme, layout, colour, corners and the button's words. */
export function lookPanel({ state, change, focusLater }: PanelContext): TemplateResult {
  const accent = state.accent || THEME_ACCENT[state.theme];
  // A button and a checkbox need 3:1 against the background to be seen (WCAG 2.2, 1.4.11).
  const ratio = contrastRatio(parseColour(accent) ?? WHITE, parseColour(THEME_BACKGROUND[state.theme]) ?? WHITE);
  return html`<fieldset class="b-panel">
    <legend>Look</legend>
    ${selectControl('b-locale', 'Language', state.locale, [['en', 'English'], ['es', 'Spanish']] as const, (locale) => change({ ...state, locale }))}
    ${selectControl('b-theme', 'Theme', state.theme, [['light', 'Light'], ['dark', 'Dark'], ['auto', 'As the visitor’s system']] as const, (theme) => change({ ...state, theme }))}
    ${selectControl('b-layout', 'Layout', state.layout, [['grid', 'Grid (as many columns as fit)'], ['stacked', 'Stacked (one column)'], ['inline', 'Inline (one row)']] as const,
      (layout) => change({ ...state, layout }))}
    <div class="b-control">
      <label for="b-accent">Accent colour</label>
      <span class="b-inline">
        <input id="b-accent" type="color" .value=${live(accent)} aria-describedby="b-accent-hint" @input=${(event: Event) =>
          change({ ...state, accent: (event.target as HTMLInputElement).value.toLowerCase() })} />
        ${state.accent
          ? html`<button type="button" class="b-secondary" @click=${() => {
              focusLater('b-accent');
              change({ ...state, accent: '' }, 'Accent colour back to the theme’s.');
            }}>Use the theme’s colour</button>`
          : nothing}
      </span>
      <p class="b-hint" id="b-accent-hint">The button and checkboxes. ${state.accent ? `Custom: ${state.accent}.` : 'The theme’s own.'} Button text is picked to stay readable.</p>
      ${ratio < 3 ? html`<p class="b-warning" role="note">This colour is hard to see on the form’s background (contrast ${ratio.toFixed(1)}:1; at least 3:1 is needed).</p>` : nothing}
    </div>
    ${textControl('b-radius', 'Corner radius (px)', String(state.radius), (value) => {
      const radius = Number(value);
      if (value !== '' && Number.isInteger(radius) && radius >= 0 && radius <= 32) change({ ...state, radius });
    }, { type: 'number', min: 0, max: 32, hint: `0 for square corners; ${DEFAULT_RADIUS} by default.` })}
    ${textControl('b-submit-label', 'Submit button text', state.submitLabel, (submitLabel) => change({ ...state, submitLabel }), { placeholder: state.locale === 'es' ? 'Enviar' : 'Submit' })}
  </fieldset>`;
}
