/**
 * The prerendered form's script (`dist/lead-capture.loader.js`, about a kilobyte; `vite build
 * --mode loader`): the builder's embed code loads it instead of `lead-capture.js` when the page carries
 * the form's markup. It imports the widget, beside it, only once the browser has painted a frame after
 * the page was parsed, so with the markup in it: a module script runs as the parse ends, and when the
 * widget's code is already there (cached) its evaluation, tens of milliseconds on a slow phone, would
 * otherwise come before that paint and hold back the markup that is already the form.
 * Not "at once when the page has painted": the page's first paint may be its content above the
 * embed, painted while the parser waited for `lead-capture.css`, before the markup was read. The
 * embed code holds the preloads of `lead-capture.js` and its chunks in a template until then
 * (held-preloads.ts): the loader puts them into the page as it imports the widget, so the chunks
 * download beside it, and its import map pins each (README, "Embedding on pages you do not control").
 * Meanwhile, from the end of the parse, the markup itself says an email address the browser refuses
 * is wrong as the person leaves the field (prerendered-email.ts): on a slow network, seconds before the widget.
 */
import { releasePreloads } from './element/held-preloads.js';
import { checkPrerenderedEmails } from './element/prerendered-email.js';
import { afterPaint } from './element/prerendered.js';

checkPrerenderedEmails();
void afterPaint().then(() => {
  releasePreloads();
  return import('./embed.js');
});
