import type { LeadCapture } from '../../src/element/lead-capture.js';

/** The control for a field, as a person would find it: by its name. */
export function control(element: LeadCapture, name: string): HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement {
  const found = element.querySelector<HTMLInputElement>(`[name="${name}"]`);
  if (!found) throw new Error(`no control named ${name}`);
  return found;
}

/** Types a value into a field the way a person does: focus, input events, then leave the field. */
export async function fill(element: LeadCapture, values: Record<string, string>): Promise<void> {
  for (const [name, value] of Object.entries(values)) {
    const input = control(element, name);
    input.focus();
    input.value = value;
    input.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    input.blur();
    await element.updateComplete;
  }
}

export function submitButton(element: LeadCapture): HTMLButtonElement {
  const button = element.querySelector<HTMLButtonElement>('button[type="submit"]');
  if (!button) throw new Error('no submit button');
  return button;
}

export function errorText(element: LeadCapture, name: string): string {
  const input = control(element, name);
  const describedBy = input.getAttribute('aria-describedby');
  return describedBy ? (element.querySelector(`#${describedBy}`)?.textContent ?? '') : '';
}

/** Waits until `condition` holds (an element re-rendered after a network answer, say). */
export async function until(condition: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

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
