/**
 * The attribute of the `<template>` in which a prerendered form's embed code holds the preloads of
 * the widget and its chunks (src/builder/snippet.ts) until the markup is on screen.
 */
export const HELD_PRELOADS = 'data-lc-preloads';

/**
 * Puts the preloads the embed code held back into the page, where it wrote them, so the widget and
 * its chunks start downloading now, side by side. The loader calls it once the markup has painted,
 * just before it imports the widget: preloads parsed with the page were fetched and compiled while
 * the browser was still to paint the markup, and held its inputs back (README, "Benchmarks"). They
 * pin nothing themselves; the embed code's import map does (README, "Builder").
 */
export function releasePreloads(root: ParentNode = document): void {
  for (const template of root.querySelectorAll<HTMLTemplateElement>(`template[${HELD_PRELOADS}]`)) {
    // Only module preloads: whatever else such a template holds (a script, an image with a handler,
    // injected into a page) stays inert, so the loader is no way to bring markup to life.
    template.replaceWith(...template.content.querySelectorAll('link[rel="modulepreload"][href]'));
  }
}
