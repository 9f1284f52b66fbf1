/**
 * A disclosure from `<template slot="consent">` may carry links and emphasis, never scripts. The
 * template's content is already parsed and inert; this copies only allowed elements and attributes
 * into fresh nodes, so nothing a page wrote (an `onclick`, a `javascript:` link, a `<script>`, a
 * `<style>`) survives. Disallowed elements keep their text; scripts and styles are dropped whole.
 */
const ALLOWED_ELEMENTS = new Set(['A', 'B', 'STRONG', 'I', 'EM', 'U', 'SMALL', 'SPAN', 'BR', 'P']);
const DROPPED_WHOLE = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'NOSCRIPT', 'SVG', 'MATH']);
const SAFE_URL = /^(https?:|mailto:|tel:|\/|#|\.)/i;

function copy(node: Node, into: Node, document: Document): void {
  if (node.nodeType === Node.TEXT_NODE) {
    into.appendChild(document.createTextNode(node.textContent ?? ''));
    return;
  }
  if (!(node instanceof Element)) return;
  const tag = node.tagName.toUpperCase();
  if (DROPPED_WHOLE.has(tag)) return;
  if (!ALLOWED_ELEMENTS.has(tag)) {
    for (const child of node.childNodes) copy(child, into, document);
    return;
  }
  const element = document.createElement(tag.toLowerCase());
  if (tag === 'A') {
    const href = node.getAttribute('href')?.trim() ?? '';
    if (SAFE_URL.test(href)) element.setAttribute('href', href);
    // Links in a disclosure open beside the form, so the person does not lose what they typed.
    element.setAttribute('target', '_blank');
    element.setAttribute('rel', 'noopener noreferrer');
  }
  for (const child of node.childNodes) copy(child, element, document);
  into.appendChild(element);
}

/** A safe copy of a consent template's content. */
export function sanitizeDisclosure(template: HTMLTemplateElement): DocumentFragment {
  const document = template.ownerDocument;
  const fragment = document.createDocumentFragment();
  for (const child of template.content.childNodes) copy(child, fragment, document);
  return fragment;
}
