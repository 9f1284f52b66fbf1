// Shared by the render pages. Times are from navigation (performance.now()'s origin), as a visitor
// waits for them: `inputsMs` when the form's inputs are on screen (the page's first contentful paint
// when they are in its markup, as the plain form's and the prerendered form's are; two frames after
// they exist when a script renders them), `validationMs` when a bad email is refused on leaving the
// field; and the layout shift the page saw.
window.__bench = { cls: 0 };
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
 * When markup that exists now is on screen: the first contentful paint, if the page has not painted
 * yet (the markup is in it); else two frames on. Called as the markup is parsed. Timed by the paint
 * itself, not by frames after it: a module script runs right after that paint and would hold them.
 */
const whenPainted = (then) => {
  if (performance.getEntriesByName('first-contentful-paint').length > 0) {
    afterPaint(() => then(performance.now()));
    return;
  }
  new PerformanceObserver((list, observer) => {
    const paint = list.getEntriesByName('first-contentful-paint')[0];
    if (!paint) return;
    observer.disconnect();
    then(paint.startTime);
  }).observe({ type: 'paint', buffered: true });
};

/** The plain form: the browser's own constraint validation is ready the moment the input exists. */
window.__measurePlain = (selector) => whenPresent(selector, (form) => whenPainted((paintedAt) => {
  window.__bench.inputsMs = paintedAt;
  const email = form.querySelector('input[type="email"]');
  email.value = 'not-an-email';
  // Ready with the input itself: refused at once, so as soon as it is on screen.
  if (!email.checkValidity()) window.__bench.validationMs = paintedAt;
  email.value = '';
}));

/**
 * The widget: inputs on screen once its form is painted; then a person types a bad email and leaves
 * the field, and validation is ready when the field is marked invalid (however late the widget's
 * validation code arrives, the blur must not be lost; leaving again each frame is harmless).
 */
window.__measureWidget = (selector) => whenPresent(selector, (form) => afterPaint(() => {
  window.__bench.inputsMs = performance.now();
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
}));

/**
 * The widget over the builder's prerendered form. Inputs on screen when the page's own markup is
 * painted, as the plain form's (whenPainted). Then a person types
 * a bad email into the prerendered field and leaves it, after that paint and before the widget takes
 * the form over, and validation is ready when the widget, having taken over, marks the field invalid.
 * The typing must survive the takeover: if the widget's field lost it, the run says so. The layout
 * shift counts the takeover (painted in the frame after it), not the probe's error message.
 */
window.__measurePrerendered = () => whenPresent('lead-capture [data-lc-prerendered]', (root) => {
  const host = root.parentElement;
  whenPainted((paintedAt) => (window.__bench.inputsMs = paintedAt));
  // A task after the next frame: after the paint, before the widget's first update (which waits for a paint too).
  requestAnimationFrame(() => setTimeout(() => probePrerendered(host)));
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
  const check = () => {
    const current = email();
    if (takenOver() && current.value !== typed) {
      window.__bench.lost = true;
      window.__bench.validationMs = NaN;
      return;
    }
    if (takenOver() && current.getAttribute('aria-invalid') === 'true') {
      window.__bench.validationMs = performance.now();
      return;
    }
    current.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    requestAnimationFrame(check);
  };
  check();
}
