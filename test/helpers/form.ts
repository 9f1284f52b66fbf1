import type { LeadCapture } from '../../src/element/lead-capture.js';

/** The control for a field, as a person would find it: by its name. */
export function control(element: LeadCapture, name: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const found = element.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

/** A date as a person types it into the month, day and year boxes: "1985-04-23" or "4/23/1985" → 4, 23, 1985. */
export function dateBoxes(text: string): { month: string; day: string; year: string } {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (iso) return { month: iso[2] ?? '', day: iso[3] ?? '', year: iso[1] ?? '' };
  const [month = '', day = '', year = ''] = text.split(/[/.-]/);
  return { month, day, year };
}

/**
 * Types a value into a field the way a person does: focus, input events, then leave the field. A
 * date of birth is typed into its three boxes (the memorable-date pattern).
 */
export async function fill(element: LeadCapture, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const boxes = element.querySelector(`.lc-field--${name}.lc-date`) ? Object.entries(dateBoxes(value)) : [[name, value] as const];
    for (const [box, text] of boxes) {
      const input = control(element, box === name ? name : `${name}-${box}`);
      input.focus();
      input.value = text;
      input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
    }
    (element.ownerDocument.activeElement as HTMLElement | null)?.blur();
    await element.updateComplete;
  }
}

export function submitButton(element: LeadCapture): HTMLButtonElement {
  const button = element.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) throw new Error('no submit button');
  return button;
}

/** The error message a screen reader reads with the field: the one its description points to. */
export function errorText(element: LeadCapture, name: string): string {
  const described = element.querySelector(`.lc-field--${name}.lc-date`) ?? control(element, name);
  const ids = (described.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((id) => id.endsWith('-error'));
  return ids.map((id) => element.querySelector(`#${id}`)?.textContent ?? '').join('');
}

/** Waits until `condition` holds (an element re-rendered after a network answer, say). */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Lets `ms` pass, for a check that something did NOT happen (nothing offered, sent or pushed) while a
 * chunk is held back: absence fires no event and settles no promise, so the only proof is a wait long
 * enough for it to have happened. What does happen is waited for with `until` (or its own event).
 */
export function waitForAbsence(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** The next animation frame: every render a change asked for (a microtask) has run by then. */
export { nextFrame } from '../../src/element/prerendered.js';

/** A good lead, as a person would type it. */
export const GOOD_VALUES = {
  first_name: 'Jane',
  last_name: "O'Neil",
  email: 'Jane.ONeil@Example.com',
  mobile: '(212) 555-0123',
  zip_code: '10001',
} as const;

/**
 * Whether focus is on `element`, said with what has it instead. (A failed `expect(a).to.equal(b)`
 * on DOM nodes makes chai describe the whole node graph, which can hang the browser.)
 */
export function focusIsOn(element: Element | null): [boolean, string] {
  const active = document.activeElement;
  return [active === element, `focus is on ${active?.outerHTML.slice(0, 100) ?? 'nothing'}`];
}

/** Whether `element` is wholly inside the viewport, top to bottom. */
export function inView(element: Element | null): boolean {
  const box = element?.getBoundingClientRect();
  return box !== undefined && box.top >= 0 && box.bottom <= innerHeight;
}
