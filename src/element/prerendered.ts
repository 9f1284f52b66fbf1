/**
 * The page's prerendered form (the builder's embed code carries the widget's first screen as markup,
 * painted as the page is parsed): found here, and waited for (a frame painted with it, no IME
 * composition under way); what the person did in it before the widget arrived is read and the markup
 * removed in the widget's first update (takeover.ts, a chunk of its own that only such an element
 * loads), which then renders its own form with those values (README, "Embedding on pages you do not
 * control"). Only the root is touched (the one the element's
 * `prerendered` attribute names, else the one marked inside it): anything else the page put inside
 * the element stays.
 */

/** Marks the prerendered root (src/builder/prerender.ts writes it). */
export const PRERENDERED_ROOT = '[data-lc-prerendered]';

/**
 * The element's prerendered root: the one its `prerendered` attribute names by id, anywhere in the
 * element's document (a CMS's `<p>` around the embed makes the parser close the element before the
 * markup's `<div>`, leaving the markup beside it); else one marked inside it, at any depth (a CMS's
 * wrapper inside the element).
 */
export function rootOf(host: HTMLElement): Element | null {
  const token = host.getAttribute('prerendered');
  const scope = host.getRootNode() as Document | ShadowRoot;
  const named = token ? (typeof scope.getElementById === 'function' ? scope.getElementById(token) : host.ownerDocument.getElementById(token)) : null;
  // Only a root the builder marked: a name that happens to be a page's own id never removes it.
  return named?.matches(PRERENDERED_ROOT) ? named : host.querySelector(PRERENDERED_ROOT);
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
    if (event.target instanceof Element && event.target.closest(PRERENDERED_ROOT)) composing = true;
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
