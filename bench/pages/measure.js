// Shared by the render pages: records when the form is painted (two frames after it exists) and the
// layout shift the page saw, into window.__bench.
window.__bench = { cls: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__bench.cls += entry.value;
}).observe({ type: 'layout-shift', buffered: true });
window.__measurePaint = (selector) => {
  const done = () => requestAnimationFrame(() => requestAnimationFrame(() => {
    window.__bench.paintedMs = performance.now() - window.__t0;
  }));
  const poll = () => (document.querySelector(selector) ? done() : requestAnimationFrame(poll));
  poll();
};
