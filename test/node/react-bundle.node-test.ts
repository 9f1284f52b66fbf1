// lead-capture/react (dist/react.js) is a thin layer over the plain bundle: it imports React (a peer),
// @lit/react and the package's own entry, and the plain bundles carry nothing of React.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

const dist = (name: string) => readFileSync(new URL(`../../dist/${name}`, import.meta.url), 'utf8');
const imports = (code: string) => [...code.matchAll(/(?:import|export)[^"'`;]*?from\s*["'`]([^"'`]+)["'`]/g)].map(([, source]) => source).sort();

describe('dist/react.js', () => {
  it('imports only React, @lit/react and the widget from the package entry, never a copy of it', () => {
    const code = dist('react.js');
    assert.deepEqual(imports(code), ['@lit/react', 'lead-capture', 'react']);
    assert.ok(code.length < 2_000, `${code.length} bytes: the widget's own code must not be inside`);
  });

  it('is what package.json exports as lead-capture/react', () => {
    const manifest = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      exports: Record<string, unknown>;
      peerDependencies: Record<string, string>;
      peerDependenciesMeta: Record<string, { optional?: boolean }>;
    };
    assert.deepEqual(manifest.exports['./react'], { types: './dist/types/react/index.d.ts', default: './dist/react.js' });
    // A peer, optional: a page that uses the plain element never installs React.
    assert.ok(manifest.peerDependencies['react']);
    assert.equal(manifest.peerDependenciesMeta['react']?.optional, true);
  });
});

describe('the plain bundles', () => {
  for (const name of ['lead-capture.js', 'lead-capture.classic.js']) {
    it(`${name} carries nothing of React or @lit/react`, () => {
      const code = dist(name);
      assert.equal(/from\s*["']react["']|createComponent|__CLIENT_INTERNALS/.test(code), false);
    });
  }
});
