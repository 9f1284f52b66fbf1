/**
 * The page's prerendered form (the builder's embed code carries the widget's first screen as markup,
 * painted as the page is parsed): what the person did in it before the widget arrived, read and the
 * markup removed in the widget's first update, which then renders its own form with those values
 * (README, "Embedding on pages you do not control"). Only the root is touched (the one the element's
 * `prerendered` attribute names, else the one marked inside it): anything else the page put inside
 * the element stays.
 */

/** Marks the prerendered root (src/builder/prerender.ts writes it). */
const ROOT = '[data-lc-prerendered]';

/**
 * The element's prerendered root: the one its `prerendered` attribute names by id, anywhere in the
 * element's document (a CMS's `<p>` around the embed makes the parser close the element before the
 * markup's `<div>`, leaving the markup beside it); else one marked inside it, at any depth (a CMS's
 * wrapper inside the element).
 */
function rootOf(host: HTMLElement): Element | null {
  const token = host.getAttribute('prerendered');
  const scope = host.getRootNode() as Document | ShadowRoot;
  const named = token ? (typeof scope.getElementById === 'function' ? scope.getElementById(token) : host.ownerDocument.getElementById(token)) : null;
  // Only a root the builder marked: a name that happens to be a page's own id never removes it.
  return named?.matches(ROOT) ? named : host.querySelector(ROOT);
}

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

/** Whether the element holds a prerendered form. */
export function hasPrerendered(host: HTMLElement): boolean {
  return rootOf(host) !== null;
}

/** Marks, in the page's timeline, a frame painted after the page was parsed (`afterPaint`). */
const PAINTED = 'lead-capture:painted';

/**
 * Resolves once the browser has painted a frame (a task after the next frame's callbacks); `inFrame`
 * runs in that frame, before its paint, for work that must not start sooner but may end later. When
 * the page was parsed before the wait began, that frame holds all its markup: the page's timeline is
 * marked so, for `markupPainted` (the loader's wait is read by the widget, a build of its own).
 */
export function afterPaint(inFrame?: () => void): Promise<void> {
  const parsed = document.readyState !== 'loading';
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      inFrame?.();
      setTimeout(() => {
        if (parsed) performance.mark(PAINTED);
        resolve();
      });
    }),
  );
}

/**
 * Whether the browser has painted a frame since the page was parsed, so with its prerendered form in
 * it: the loader, or an element, waited for one (`afterPaint`). Not the page's first contentful paint:
 * that may be its content above the embed, painted while the parser waited for `lead-capture.css`,
 * before the markup was read.
 */
export function markupPainted(): boolean {
  return performance.getEntriesByName(PAINTED, 'mark').length > 0;
}

/** Whether an IME composition is under way in a prerendered form; `stop()` stops listening. */
export interface CompositionWatch {
  readonly active: () => boolean;
  readonly stop: () => void;
}

/**
 * Watches the document for an IME composition in a prerendered form (the markup may sit beside the
 * element, so the document, not the element). The takeover waits while one is under way: the text
 * being composed is already in the control's value, and the IME commits it again into whatever control
 * has focus then, so a takeover in the middle would write it twice.
 */
export function watchComposition(document: Document): CompositionWatch {
  let composing = false;
  const start = (event: Event) => {
    if (event.target instanceof Element && event.target.closest(ROOT)) composing = true;
  };
  const end = () => {
    composing = false;
  };
  document.addEventListener('compositionstart', start, true);
  document.addEventListener('compositionend', end, true);
  return {
    active: () => composing,
    stop: () => {
      document.removeEventListener('compositionstart', start, true);
      document.removeEventListener('compositionend', end, true);
    },
  };
}

/** Resolves at the next frame. */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
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
