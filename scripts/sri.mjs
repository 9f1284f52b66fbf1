// Writes dist/sri.json: the Subresource Integrity hash (SHA-384, base64) of each browser file (the
// classic bundle, the module bundle and each of its chunks, and the prerendered form's loader,
// lead-capture.loader.js, and stylesheet, lead-capture.css), so a page can pin what it loads
// (`integrity="sha384-…" crossorigin="anonymous"`) and a CDN that serves anything else is refused by
// the browser. The builder reads it (its snippet preloads each chunk with its hash and pins the loader
// and the stylesheet); test/node/sri checks it against the
// built files. Run after `vite build`, `vite build --mode loader` and `vite build --mode classic`.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

const dist = new URL('../dist/', import.meta.url);
const files = readdirSync(dist).filter((file) => /^lead-capture(\.[\w-]+)?\.(js|css)$/.test(file)).sort();
for (const required of ['lead-capture.js', 'lead-capture.loader.js', 'lead-capture.classic.js', 'lead-capture.css']) {
  if (!files.includes(required)) throw new Error(`dist/${required} is missing: build it first`);
}
const manifest = Object.fromEntries(
  files.map((file) => [file, `sha384-${createHash('sha384').update(readFileSync(new URL(file, dist))).digest('base64')}`]),
);
writeFileSync(new URL('sri.json', dist), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`dist/sri.json: ${files.join(', ')}`);
