// Writes dist/sri.json: the Subresource Integrity hash (SHA-384, base64) of each browser bundle, so a
// page can pin the script it loads (`integrity="sha384-…" crossorigin="anonymous"`) and a CDN that
// serves anything else is refused by the browser. The builder reads it; test/builder/sri.test.ts
// checks it against the built files. Run after `vite build` and `vite build --mode classic`.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const BUNDLES = ['lead-capture.js', 'lead-capture.classic.js'];
const manifest = Object.fromEntries(
  BUNDLES.map((file) => [file, `sha384-${createHash('sha384').update(readFileSync(new URL(`../dist/${file}`, import.meta.url))).digest('base64')}`]),
);
writeFileSync(new URL('../dist/sri.json', import.meta.url), `${JSON.stringify(manifest, null, 2)}\n`);
console.log(`dist/sri.json: ${BUNDLES.join(', ')}`);
