// Shared by the render pages. Times are from navigation (performance.now()'s origin), as a visitor
// waits for them: `inputsMs` when the form's inputs are on screen (two frames after they exist),
// `validationMs` when a bad email is refused on leaving the field; and the layout shift the page saw.
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

/** The plain form: the browser's own constraint validation is ready the moment the input exists. */
window.__measurePlain = (selector) => whenPresent(selector, (form) => afterPaint(() => {
  window.__bench.inputsMs = performance.now();
  const email = form.querySelector('input[type="email"]');
  email.value = 'not-an-email';
  if (!email.checkValidity()) window.__bench.validationMs = performance.now();
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
