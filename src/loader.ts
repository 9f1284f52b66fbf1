/**
 * The prerendered form's script (`dist/lead-capture.loader.js`, a few hundred bytes; `vite build
 * --mode loader`): the builder's embed code loads it instead of `lead-capture.js` when the page carries
 * the form's markup. It imports the widget, beside it, only once the page has painted: a module script
 * runs as the parse ends, and when the widget's code is already there (preloaded, or cached) its
 * evaluation, tens of milliseconds on a slow phone, would otherwise come before the first paint and
 * hold back the markup that is already the form. The embed code preloads `lead-capture.js` and its
 * chunks, pinned with their hashes, so the import is neither late nor unchecked (README, "Embedding on
 * pages you do not control").
 */
import { whenPainted } from './element/prerendered.js';

void whenPainted(document).then(() => import('./embed.js'));
