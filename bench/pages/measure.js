// Shared by the render pages, loaded first in <head>. Times are from navigation (performance.now()'s
// origin), as a visitor waits for them: `inputsMs` when the form's inputs are on screen, timed alike
// for every page by the paint of the form's labels (Element Timing, below), whether the page's markup
// holds the form (the plain form, the prerendered form) or a script renders it; `validationMs` when
// a bad email is refused on leaving the field; and the layout shift the page saw.
window.__bench = { cls: 0 };
/**
 * `?layout`: the page is loaded and left alone, for the shifts it makes on its own (CLS). No probe
 * types into it: a prerendered form now shows a field's verdict in the frame it is taken over in, so
 * the probe's own error message could not be told from the takeover by time. The run ends once the
 * widget has rendered with every chunk it loads (its `updateComplete`), or the plain form is painted.
 */
const layoutOnly = new URLSearchParams(location.search).has('layout');
// The shifts the page makes on its own: the probe's error message, shown below the field it checks, is not one.
let probeStart = Infinity;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput && entry.startTime < probeStart) window.__bench.cls += entry.value;
}).observe({ type: 'layout-shift', buffered: true });

const afterPaint = (then) => requestAnimationFrame(() => requestAnimationFrame(then));
const whenPresent = (selector, then) => {
  const poll = () => (document.querySelector(selector) ? then(document.querySelector(selector)) : requestAnimationFrame(poll));
  poll();
};

/**
 * Every label, and the element it sits in, gets an `elementtiming` attribute as it is inserted, by the
 * parser or by a script: the observer's callback is a microtask, so it runs before the label is first
 * painted, and Chromium then reports when its text was painted (renderTime, the frame's presentation
 * time, as first contentful paint's). Each field's label is laid out and painted with its input.
 *
 * Chromium reports text once, for the block it is laid out in, and not at all when it leaves the
 * layout before the frame that painted it was presented. A label in a grid (the widget's) is its own
 * block; inline labels (the plain form's) are one block, the form, reported when its first label is
 * painted, though the parser may paint the form a few fields at a time. And a prerendered form is
 * taken over by the widget, often (at 4x slowdown) before the frame that painted it is presented.
 * So with each batch of labels goes a witness: a one-pixel dot fixed in the corner, out of the page's
 * flow, inserted in the same microtask, so first painted in the same frame as the labels, and staying.
 */
let marked = 0;
const mark = (element, kind) => {
  if (!element.hasAttribute('elementtiming')) element.setAttribute('elementtiming', `${kind}-${marked++}`);
  return element.getAttribute('elementtiming');
};
const witnessOf = new Map();
const markLabels = (records) => {
  const batch = [];
  for (const record of records) {
    for (const node of record.addedNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE) continue;
      for (const label of [...(node.matches('label') ? [node] : []), ...node.querySelectorAll('label')]) {
        if (label.hasAttribute('elementtiming')) continue;
        batch.push(mark(label, 'label'));
        if (label.parentElement) mark(label.parentElement, 'block');
      }
    }
  }
  if (batch.length === 0) return;
  const witness = document.createElement('bench-witness');
  witness.setAttribute('style', 'position: fixed; inset-block-end: 0; inset-inline-end: 0; font: 1px/1px monospace; color: #999; pointer-events: none');
  witness.textContent = '.';
  const id = mark(witness, 'witness');
  document.documentElement.append(witness);
  for (const label of batch) witnessOf.set(label, id);
};
const marker = new MutationObserver(markLabels);
marker.observe(document, { childList: true, subtree: true });

const textPainted = new Map();
const onTextPainted = new Set();
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) textPainted.set(entry.identifier, entry.renderTime || entry.startTime);
  for (const check of onTextPainted) check();
}).observe({ type: 'element', buffered: true });

/**
 * When the inputs of a form that exists now are on screen: when the last of its labels is painted,
 * the latest of its witness's paint and its own text's (or its block's) where Chromium reports that.
 * The last label is the moment every field is there to be filled in. Labels inserted later, the
 * widget's own over a prerendered form, do not count. Also kept, to check the witnesses against:
 * `labelsMs`, the labels' own latest paint (NaN when one went unreported), and `witnessMs`.
 */
const whenInputsPainted = (root, then) => {
  markLabels(marker.takeRecords());
  // The labels of the fields a person fills in: not the widget's off-screen honeypot, hidden from them.
  const labels = [...root.querySelectorAll('label')].filter((label) => !label.closest('[aria-hidden="true"]'));
  if (labels.length === 0 || labels.some((label) => !witnessOf.has(label.getAttribute('elementtiming')))) {
    throw new Error('the form has no labels, or labels not marked for Element Timing');
  }
  const own = (label) => [label, label.parentElement].map((element) => element && textPainted.get(element.getAttribute('elementtiming'))).find((time) => time !== undefined);
  const witnessed = (label) => textPainted.get(witnessOf.get(label.getAttribute('elementtiming')));
  const check = () => {
    // Every witness reported, and every label still on the page reported too (the same frame's entries come together).
    if (labels.some((label) => witnessed(label) === undefined || (label.isConnected && own(label) === undefined))) return;
    onTextPainted.delete(check);
    window.__bench.labelsMs = Math.max(...labels.map((label) => own(label) ?? NaN));
    window.__bench.witnessMs = Math.max(...labels.map(witnessed));
    then(Math.max(...labels.flatMap((label) => [witnessed(label), own(label) ?? -Infinity])));
  };
  onTextPainted.add(check);
  check();
};

/** The plain form: the browser's own constraint validation is ready the moment the input exists. */
window.__measurePlain = (selector) => whenPresent(selector, (form) => whenInputsPainted(form, (paintedAt) => {
  window.__bench.inputsMs = paintedAt;
  const email = form.querySelector('input[type="email"]');
  email.value = 'not-an-email';
  // Ready with the input itself: refused at once, so as soon as it is on screen.
  if (!email.checkValidity()) window.__bench.validationMs = paintedAt;
  email.value = '';
  window.__bench.settled = true;
}));

/**
 * The widget: inputs on screen when its form's labels are painted. Two frames after the form exists,
 * a person types a bad email and leaves the field, and validation is ready when the field is marked invalid (however late the widget's
 * validation code arrives, the blur must not be lost; leaving again each frame is harmless).
 */
window.__measureWidget = (selector) => whenPresent(selector, (form) => {
  whenInputsPainted(form, (paintedAt) => (window.__bench.inputsMs = paintedAt));
  afterPaint(() => (layoutOnly ? settle() : probeWidget(form)));
});

/** `?layout`: the page is settled once the widget has rendered with every chunk it loads. */
function settle() {
  customElements
    .whenDefined('lead-capture')
    .then(() => document.querySelector('lead-capture').updateComplete)
    .then(() => (window.__bench.settled = true));
}

function probeWidget(form) {
  probeStart = performance.now();
  const email = form.querySelector('input[name="email"]');
  email.value = 'not-an-email';
  email.dispatchEvent(new Event('input', { bubbles: true }));
  const check = () => {
    if (email.getAttribute('aria-invalid') === 'true') {
      window.__bench.validationMs = performance.now();
      return;
    }
    email.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    requestAnimationFrame(check);
  };
  check();
}

/**
 * The widget over the builder's prerendered form. Inputs on screen when the page's own markup's
 * labels are painted (the widget's own, after the takeover, do not count). Then a person types a bad
 * email into the prerendered field and leaves it, after that paint and before the widget takes the
 * form over, and validation is ready when the field is marked invalid: by the markup itself (the
 * loader's early email check), or else by the widget once it has taken over. The typing and the verdict
 * must both survive the takeover: if the widget's field lost either, the run says so. The layout
 * shift counts the takeover (painted in the frame after it), not the probe's error message.
 */
window.__measurePrerendered = () => whenPresent('lead-capture [data-lc-prerendered]', (root) => {
  const host = root.parentElement;
  whenInputsPainted(root, (paintedAt) => (window.__bench.inputsMs = paintedAt));
  // A task after the next frame: after the paint, before the widget's first update (which waits for a paint too).
  requestAnimationFrame(() => setTimeout(() => (layoutOnly ? settle() : probePrerendered(host))));
});

function probePrerendered(host) {
  const typed = 'not-an-email';
  const email = () => host.querySelector('input[name="email"]');
  const first = email();
  first.value = typed;
  first.dispatchEvent(new Event('input', { bubbles: true }));
  const takenOver = () => host.querySelector(':scope > form.lc-form') !== null;
  window.__bench.typedBeforeTakeover = !takenOver();
  const watch = new MutationObserver(() => {
    if (!takenOver()) return;
    watch.disconnect();
    afterPaint(() => (probeStart = performance.now()));
  });
  if (takenOver()) afterPaint(() => (probeStart = performance.now()));
  else watch.observe(host, { childList: true });
  // When the field was first marked invalid: by the markup itself (the loader's early check) or by the widget.
  let refusedAt;
  const check = () => {
    const current = email();
    if (takenOver() && current.value !== typed) {
      window.__bench.lost = true;
      window.__bench.validationMs = NaN;
      return;
    }
    const refused = current.getAttribute('aria-invalid') === 'true';
    if (refusedAt === undefined && refused) refusedAt = performance.now();
    // Counted once the widget has taken over and still says so; a verdict it dropped fails the run.
    if (takenOver() && refusedAt !== undefined) {
      if (refused) window.__bench.validationMs = refusedAt;
      else window.__bench.dropped = true;
      return;
    }
    if (refusedAt === undefined) current.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    requestAnimationFrame(check);
  };
  check();
}
