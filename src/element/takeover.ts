import { rootOf } from './prerendered.js';

/**
 * The takeover of a page's prerendered form (prerendered.ts finds it): what the person did in it read
 * and the markup removed, then focus and caret put back on the widget's own form. In a chunk of its
 * own (`lead-capture.prerendered.js`), which only an element holding prerendered markup loads, before
 * its first update (render-parts-controller.ts); the markup stays on screen, usable, meanwhile.
 */

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

/** The control that had focus, and where its caret was. */
export interface PrerenderedFocus {
  readonly name: string;
  /** A radio's value: which of its group had focus. */
  readonly value: string | undefined;
  /** The caret or selection, for controls that have one (an email input does not: the caret goes to the end). */
  readonly selection: { readonly start: number; readonly end: number; readonly direction: 'forward' | 'backward' | 'none' } | undefined;
  /** What the control held, to place the caret again in a value the widget formats (a phone number). */
  readonly raw: string;
}

export interface Prerendered {
  /** The controls the person filled, ticked or chose, in order (detached now; their state is kept). */
  readonly controls: readonly Control[];
  readonly focus: PrerenderedFocus | undefined;
  /** Whether the person had focus on the form's button, which then goes to the widget's own. */
  readonly submitFocused: boolean;
}

function isControl(element: Element): element is Control {
  return element instanceof HTMLInputElement || element instanceof HTMLSelectElement || element instanceof HTMLTextAreaElement;
}

/** Whether the person gave this control anything: text, a choice, a tick. */
function given(control: Control): boolean {
  if (control.disabled || control.name === '') return false;
  if (control instanceof HTMLInputElement && (control.type === 'checkbox' || control.type === 'radio')) return control.checked;
  return control.value !== '';
}

function selectionOf(control: Control): PrerenderedFocus['selection'] {
  if (control instanceof HTMLSelectElement) return undefined;
  // Email and number inputs have no selection API (null, or a throw in older engines).
  try {
    const { selectionStart: start, selectionEnd: end, selectionDirection: direction } = control;
    return start === null || end === null ? undefined : { start, end, direction: direction ?? 'none' };
  } catch {
    return undefined;
  }
}

/**
 * Reads what the person did in the element's prerendered form and removes it, or undefined when the
 * element holds none. Synchronous with the render that follows, so no keystroke falls between.
 */
export function takePrerendered(host: HTMLElement): Prerendered | undefined {
  const root = rootOf(host);
  if (!root) return undefined;
  const controls = [...root.querySelectorAll('input, select, textarea')].filter(isControl);
  const active = host.ownerDocument.activeElement;
  const focused = active && root.contains(active) && isControl(active) && active.name !== '' ? active : undefined;
  const focus = focused && {
    name: focused.name,
    value: focused instanceof HTMLInputElement && focused.type === 'radio' ? focused.value : undefined,
    selection: selectionOf(focused),
    raw: focused.value,
  };
  const submitFocused = active instanceof HTMLButtonElement && root.contains(active);
  root.remove();
  return { controls: controls.filter(given), focus, submitFocused };
}

/**
 * Where a caret goes in a value the widget rewrote (a phone number formatted as typed): after as many
 * digits as were before it; at the end when it was at the end.
 */
export function caretIn(raw: string, caret: number, shown: string): number {
  if (raw === shown) return Math.min(caret, shown.length);
  if (caret >= raw.length) return shown.length;
  const digits = raw.slice(0, caret).replace(/\D/g, '').length;
  if (digits === 0) return Math.min(caret, shown.length);
  let seen = 0;
  for (let index = 0; index < shown.length; index++) {
    if (/\d/.test(shown[index] ?? '') && ++seen === digits) return index + 1;
  }
  return shown.length;
}

/**
 * Focus (and the caret) back where the person was, on the widget's own control of the same name, or
 * its own button: the removed markup must not drop focus to the page's start (WCAG 2.4.3).
 */
export function restoreFocus(host: HTMLElement, { focus, submitFocused }: Prerendered): void {
  if (submitFocused) host.querySelector<HTMLElement>(':scope > form.lc-form .lc-submit')?.focus({ preventScroll: true });
  if (!focus) return;
  const candidates = [...host.querySelectorAll(':scope > form.lc-form [name]')].filter(isControl);
  const control = candidates.find((candidate) => candidate.name === focus.name && (focus.value === undefined || candidate.value === focus.value));
  if (!control) return;
  control.focus({ preventScroll: true });
  const selection = focus.selection;
  if (!selection || control instanceof HTMLSelectElement) return;
  try {
    const shown = control.value;
    control.setSelectionRange(caretIn(focus.raw, selection.start, shown), caretIn(focus.raw, selection.end, shown), selection.direction);
  } catch {
    // A control without a selection API keeps the browser's caret (the end).
  }
}
