import { EARLY_MESSAGE } from '../element/prerendered-email.js';
import { fieldWordsFor } from '../element/locales.js';
import type { LeadCapture } from '../element/lead-capture.js';
import { errorMessage } from '../fields/messages/compose.js';
import { attributeText } from './snippet.js';

/**
 * The prerendered form: the widget's own first screen, as markup a page carries inside
 * `<lead-capture>…</lead-capture>`, painted as the page is parsed (styled by `lead-capture.css`) and
 * taken over by the widget when its script arrives (src/element/prerendered.ts). It is made from the
 * builder's preview, the real widget, so it matches what the widget will render: no layout shift.
 *
 * Nothing a person did in the preview is carried: no values, no ticks, no errors or suggestions. And
 * nothing a browser could send before the widget is there: the form is a `div` (a native submission
 * would put the fields in a URL) and its button a plain button. The consent box is disabled: a tick
 * the widget never saw would be no evidence, and the widget shows its own box, unticked.
 */

/** The attribute that marks the prerendered root, for the element to find and replace. */
export const PRERENDERED = 'data-lc-prerendered';

/** The prefix of the prerendered form's ids: a live widget's are `lc-<n>-…`, so the two never collide. */
export const PRERENDERED_ID = 'lc-p';

/**
 * A fresh token for one embed code, `lc-p-` and 10 random hex digits: the prerendered root's id, the
 * prefix of every id inside it, and the element's `prerendered` attribute, which names the root. So two
 * embed codes on one page share no id, and the element finds its markup wherever a page's HTML put it
 * (a CMS's `<p>` around the embed makes the parser close the element before the markup's `<div>`).
 */
export function prerenderToken(random: Uint8Array = crypto.getRandomValues(new Uint8Array(5))): string {
  return `${PRERENDERED_ID}-${[...random].map((byte) => byte.toString(16).padStart(2, '0')).join('')}`;
}

/** Elements the widget renders (and the consent disclosure's sanitiser allows); anything else, a recorder's or an extension's, is left out. */
const KEPT = new Set([
  'a', 'b', 'br', 'button', 'div', 'em', 'fieldset', 'form', 'h2', 'i', 'input', 'label', 'legend', 'li', 'option', 'p',
  'progress', 'select', 'small', 'span', 'strong', 'textarea', 'u', 'ul',
]);

const VOID = new Set(['br', 'input']);

/** The elements a form owns (its listed elements the widget renders). */
const OWNED = new Set(['button', 'fieldset', 'input', 'select', 'textarea']);

/**
 * What is the person's or the moment's, not the form's: values the page's tracking put in hidden
 * inputs, the bots' honeypot, and what a submit or a delivery showed (summary, live regions, thank-you).
 */
const LEFT_OUT = 'input[type="hidden"], .lc-honeypot, .lc-error-summary, .lc-status, .lc-alert, .lc-success';

/** Emptied: a field's error and the email suggestion under it. */
const EMPTIED = '.lc-error, .lc-hint';

/**
 * The attributes the widget's templates render (src/element/*-template.ts, date-field.ts, the consent
 * block, delivery-view.ts, lead-capture.ts), and only those: what a browser extension added to the
 * builder's preview (a password manager's `data-*`, an autofill `style`, an `on…` handler) would
 * otherwise be pasted into the page, breaking a strict Content-Security-Policy or running there.
 */
const ALLOWED = new Set([
  'class', 'id', 'for', 'name', 'type', 'autocomplete', 'inputmode', 'maxlength', 'min', 'max', 'placeholder',
  'required', 'disabled', 'hidden', 'lang', 'role', 'tabindex', 'data-seller-index',
]);

/** `value` is the form's only on a choice (an option, a radio or box) and the progress bar; a text input's is the person's. */
const VALUED = /^(option|progress)$|^input:(radio|checkbox)$/;

/** A disclosure's link, as the consent sanitiser lets one through (src/consent/sanitize.ts). */
const SAFE_URL = /^(https?:|mailto:|tel:|\/|#|\.)/i;

function allowed(element: Element, name: string, value: string): boolean {
  if (ALLOWED.has(name) || /^aria-[a-z]+$/.test(name)) return true;
  const tag = element.localName;
  if (name === 'value') return VALUED.test(tag === 'input' ? `input:${element.getAttribute('type') ?? ''}` : tag);
  if (tag === 'a') return name === 'target' || name === 'rel' || (name === 'href' && SAFE_URL.test(value.trim()));
  return false;
}

/** Written bare when set (`required`, not `required=""`). */
const BOOLEAN = new Set(['disabled', 'hidden', 'multiple', 'readonly', 'required']);

/** Attributes naming ids. */
const ID_REFERENCES = new Set(['id', 'for', 'aria-describedby', 'aria-labelledby', 'aria-controls']);


/**
 * What the widget says of an email address the browser refuses, in its language (and in the preview's
 * own words, where it was given any: the builder gives none): written on the email field's error line,
 * for the markup to say before the widget arrives (src/element/prerendered-email.ts). Undefined for an
 * element that is not the widget.
 */
function refusedEmailMessage(widget: Element): string | undefined {
  const config = (widget as Partial<LeadCapture>).config;
  return config && errorMessage(fieldWordsFor(config), 'email', 'email', { minAge: config.minAge, country: config.country });
}

/** Whether the widget shows its first screen: not a later step, the consent step or the thank-you. */
function onFirstScreen(form: Element): boolean {
  return form.querySelector('.lc-back, .lc-step, .lc-success') === null;
}

/**
 * Text as HTML reads it back: `&` and `<` (and `>`, for naive scanners) escaped; runs of HTML's white
 * space are one space, as rendered. A no-break space is not white space to HTML: it stays, as
 * `&nbsp;` (whatever the page's encoding), holding words together as the disclosure's author meant.
 */
function text(value: string): string {
  return value
    .replace(/[ \t\n\f\r]+/g, ' ')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('\u00a0', '&nbsp;');
}

/**
 * The markup of the widget's first screen, ready to paste inside its `<lead-capture prerendered="…">`
 * (each line indented by `indent`), its root's id `token` and every id inside under it, or undefined
 * while the widget shows no form or not its first screen.
 */
export function prerenderedMarkup(widget: Element, token: string = PRERENDERED_ID, indent = '  '): string | undefined {
  const form = widget.querySelector(':scope > form.lc-form');
  if (!form || !onFirstScreen(form)) return undefined;
  const instance = /^(lc-\d+)-/.exec(form.querySelector('[id^="lc-"]')?.id ?? '')?.[1];
  const described = new Set([...form.querySelectorAll(EMPTIED)].map((element) => element.id).filter(Boolean));
  const emailErrors = new Set([...form.querySelectorAll('input[name="email"][type="email"][id]')].map((input) => `${input.id}-error`));
  const refusedEmail = refusedEmailMessage(widget);

  const attributes = (element: Element): [string, string | true][] => {
    const tag = element.localName;
    const out: [string, string | true][] = [];
    if (element === form) out.push([PRERENDERED, true], ['id', token]);
    for (const { name, value } of element.attributes) {
      // Not allowed, so left out too: TrustedForm's and Jornaya's annotations (the placeholder is not
      // the consent the widget records), the state of a choice (`selected`, `checked`), the form's own.
      if (!allowed(element, name, value)) continue;
      let kept = instance && ID_REFERENCES.has(name) ? value.replaceAll(`${instance}-`, `${token}-`) : value;
      if (name === 'aria-invalid') kept = 'false';
      if (name === 'aria-describedby') {
        kept = value.split(/\s+/).filter((id) => id !== '' && !described.has(id)).map((id) => (instance ? id.replace(`${instance}-`, `${token}-`) : id)).join(' ');
        if (kept === '') continue;
      }
      if (tag === 'button' && name === 'type' && value === 'submit') kept = 'button';
      if (tag === 'button' && name === 'aria-disabled') continue;
      out.push([name, kept === '' && BOOLEAN.has(name) ? true : kept]);
    }
    // A progress bar's value is a property the widget sets; without it the bar would be indeterminate.
    // (Tags, not instanceof: the preview may be in another window's realm.)
    if (tag === 'progress' && !element.hasAttribute('value')) out.push(['value', String((element as HTMLProgressElement).value)]);
    if (tag === 'input' && element.getAttribute('name') === 'consent' && !element.hasAttribute('disabled')) out.push(['disabled', true]);
    // A page's own <form> around the embed would own these controls (a div is no form): Enter in a field
    // would send the person's details with the page's form, in its URL. Naming a form no element is
    // gives them no form owner at all.
    if (OWNED.has(tag)) out.push(['form', `${token}-none`]);
    if (refusedEmail && emailErrors.has(element.id)) out.push([EARLY_MESSAGE, refusedEmail]);
    // The button does nothing until the widget arrives: said so to assistive technology, not hidden
    // (it keeps its place in the tab order, and focus on it moves to the widget's own button).
    if (tag === 'button') out.push(['aria-disabled', 'true']);
    return out;
  };

  const serialise = (node: Node, depth: number, last: boolean): string => {
    if (node.nodeType === Node.TEXT_NODE) {
      const value = node.textContent ?? '';
      if (value === '') return '';
      // White space alone renders as one space wherever it is: written as a line break and the indent.
      return /^[ \t\n\f\r]*$/.test(value) ? `\n${indent.repeat(last ? depth - 1 : depth)}` : text(value);
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return '';
    const element = node as Element;
    const tag = element.localName;
    if (!KEPT.has(tag) || element.matches(LEFT_OUT)) return '';
    const name = element === form ? 'div' : tag;
    const open = `<${[name, ...attributes(element).map(attributeText)].join(' ')}>`;
    if (VOID.has(tag)) return open;
    const children = element.matches(EMPTIED) || tag === 'textarea' ? [] : [...element.childNodes];
    const inner = children.map((child, index) => serialise(child, depth + 1, index === children.length - 1)).join('');
    return `${open}${inner}</${name}>`;
  };

  // Where an element was left out, its neighbours' white space meets: one line break is enough.
  return `${indent}${serialise(form, 1, true)}`.replace(/\n[ \t]*(?=\n)/g, '');
}
