// dist/sri.json (scripts/sri.mjs, run by `npm run build` and `npm test`) against the built bundles:
// the hash the builder pins a page's script tag with must be the hash of the file that ships.
import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { describe, it } from 'node:test';

const dist = new URL('../../dist/', import.meta.url);

describe('dist/sri.json', () => {
  it('holds the SHA-384 Subresource Integrity of each browser file as built: both bundles, every chunk of the module build, the loader and the stylesheet', async () => {
    const manifest = JSON.parse(await readFile(new URL('sri.json', dist), 'utf8')) as Record<string, string>;
    const browserFiles = (await readdir(dist)).filter((file) => /^lead-capture(\.[\w-]+)?\.(js|css)$/.test(file)).sort();
    assert.deepEqual(Object.keys(manifest).sort(), browserFiles);
    for (const file of ['lead-capture.js', 'lead-capture.loader.js', 'lead-capture.classic.js', 'lead-capture.validation.js', 'lead-capture.delivery.js', 'lead-capture.css']) assert.ok(file in manifest, file);
    for (const [file, integrity] of Object.entries(manifest)) {
      // Web Crypto, not the script's node:crypto, as a browser computes it.
      const digest = await crypto.subtle.digest('SHA-384', await readFile(new URL(file, dist)));
      assert.equal(integrity, `sha384-${Buffer.from(digest).toString('base64')}`, file);
    }
  });
});
