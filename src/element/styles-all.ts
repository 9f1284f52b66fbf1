import { consentRules } from './styles-consent.js';
import { dateRules } from './styles-date.js';
import { questionAndStepRules } from './styles-steps.js';
import { CSS, SCOPE } from './styles.js';

/** Each part's rules, as its chunk adds them (styles.ts, `addStyles`). */
export const PART_CSS = {
  consent: consentRules(SCOPE),
  questions: questionAndStepRules(SCOPE),
  date: dateRules(SCOPE),
} as const;

/**
 * The whole sheet, the first render's rules then every part: `dist/lead-capture.css` (vite.config.ts),
 * which styles a prerendered form of any kind before the script arrives, and what the sheet the widget
 * adopts holds once every part has arrived (the parts in the order they came, which the cascade does
 * not mind: each styles elements of its own). Never imported by the bundles.
 */
export const WHOLE_CSS = CSS + Object.values(PART_CSS).join('');

export type StylePart = keyof typeof PART_CSS;
