/**
 * The rules for the page's own questions and for multi-step forms, scoped like the rest of the sheet
 * (styles.ts adds them to it; the class hooks and the `--lead-capture-progress-*` tokens are
 * documented there, where the manifest reads them).
 */
export function questionAndStepRules(S: string): string {
  return `
/* Questions: radios in a fieldset (its legend the question), a lone checkbox beside its label. */
${S} .lc-choice { min-inline-size: 0; margin: 0; padding: 0; border: 0; }
${S} .lc-choice > legend { padding: 0; margin-block-end: 4px; }
${S} .lc-options { display: flex; flex-wrap: wrap; gap: 4px 24px; }
${S} .lc-option { display: flex; gap: 12px; align-items: center; min-block-size: 44px; cursor: pointer; }
${S} .lc-check .lc-label { cursor: pointer; }
${S} .lc-radio { flex: none; inline-size: 24px; block-size: 24px; margin: 0; accent-color: var(--lc-accent); cursor: pointer; }
/* Steps: "Step 2 of 3" above a bar, and Back beside Next (outlined, so Next stays the one to press). */
${S} .lc-progress { display: grid; gap: 6px; }
${S} .lc-progress-text { margin: 0; color: var(--lc-muted); font-size: 0.875em; font-weight: 600; }
${S} .lc-progress-bar {
  appearance: none; display: block; inline-size: 100%; block-size: var(--lc-progress-height); margin: 0;
  border: 0; border-radius: 999px; background: var(--lc-progress-track); color: var(--lc-progress-color); overflow: hidden;
}
${S} .lc-progress-bar::-webkit-progress-bar { background: var(--lc-progress-track); border-radius: 999px; }
${S} .lc-progress-bar::-webkit-progress-value { background: var(--lc-progress-color); border-radius: 999px; }
${S} .lc-progress-bar::-moz-progress-bar { background: var(--lc-progress-color); border-radius: 999px; }
/* Its outline is the button's own border, so Back is as tall as Next beside it. */
${S} .lc-back { background: transparent; color: var(--lc-accent); border-color: var(--lc-accent); }
@media (forced-colors: active) { ${S} .lc-back { border: 2px solid ButtonText; } }
`;
}
