/**
 * The theme: each public `--lead-capture-*` custom property feeds an internal `--lc-*` token whose
 * default depends on `theme` (styles.ts). The manifest's defaults, and so the README's, are read from
 * TOKENS and SHAPES here (custom-elements-manifest.config.mjs).
 */

/** The colours: each public `--lead-capture-*` property, or the theme's default. */
export const TOKENS = {
  light: {
    color: '#1f2328', background: '#ffffff', muted: '#57606a', border: '#6e7781', 'frame-border': '1px solid #d0d7de',
    'input-background': '#ffffff', 'input-color': '#1f2328', accent: '#0a55c2', 'accent-text': '#ffffff', focus: '#0969da',
    link: '#0a55c2', error: '#b3261e', 'error-background': '#fdecea', 'error-text': '#5f1410',
    success: '#1a7f37', 'success-background': '#e6f4ea', 'success-text': '#0f3d1c', 'color-scheme': 'light',
  },
  dark: {
    color: '#e6edf3', background: '#0d1117', muted: '#9198a1', border: '#8b949e', 'frame-border': '1px solid #30363d',
    'input-background': '#010409', 'input-color': '#e6edf3', accent: '#4493f8', 'accent-text': '#0d1117', focus: '#58a6ff',
    link: '#58a6ff', error: '#ff7b72', 'error-background': '#3d1214', 'error-text': '#ffdcd7',
    success: '#3fb950', 'success-background': '#12261e', 'success-text': '#aff5b4', 'color-scheme': 'dark',
  },
} as const;

/** Sizes and shapes, the same in every theme. */
export const SHAPES = {
  font: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
  // The visitor's larger default font is honoured; a page's small root size never shrinks us below 16px.
  'font-size': 'max(16px, 1rem)', 'input-border-width': '1px', radius: '8px', 'input-radius': '6px', 'button-radius': '6px',
  gap: '16px', padding: '20px',
  'max-width': '40rem', 'field-min-width': '14em', 'consent-font-size': '0.875em',
  'progress-color': 'var(--lc-accent)', 'progress-track': 'var(--lc-border)', 'progress-height': '0.375rem',
} as const;

/** The custom property declarations of one set of tokens: `--lc-x: var(--lead-capture-x, default);`. */
export function tokens(values: Readonly<Record<string, string>>): string {
  return Object.entries(values)
    .map(([name, value]) => `--lc-${name}: var(--lead-capture-${name}, ${value});`)
    .join(' ');
}
