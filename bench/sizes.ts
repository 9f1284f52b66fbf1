// Bundle sizes: each dist file minified, gzip and brotli; and what each dependency adds to the
// widget, measured by leaving it out (bundle with the package external) and comparing gzip sizes.
import { readFileSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface FileSize {
  readonly file: string;
  readonly minified: number;
  readonly gzip: number;
  readonly brotli: number;
}

function measure(name: string, code: Buffer | Uint8Array): FileSize {
  return { file: name, minified: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength, brotli: brotliCompressSync(code).byteLength };
}

/** Every script in dist/, chunks included (paths relative to dist/). */
export function distSizes(dir = 'dist'): FileSize[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js'))
    .sort()
    .map((name) => measure(name, readFileSync(`${dir}/${name}`)));
}

/**
 * What a page fetches for the widget to take and send one lead: the classic build is one file; the
 * module build is its entry and every chunk beside it (all of them load on every page).
 */
export function pageTotals(sizes: readonly FileSize[]): { readonly build: string; readonly files: number; readonly gzip: number }[] {
  const classic = sizes.filter((size) => size.file === 'lead-capture.classic.js');
  const module = sizes.filter((size) => size.file !== 'lead-capture.classic.js' && (size.file === 'lead-capture.js' || size.file.startsWith('chunks/')));
  const total = (files: readonly FileSize[]) => files.reduce((sum, size) => sum + size.gzip, 0);
  return [
    { build: 'ES module (lead-capture.js and its chunks)', files: module.length, gzip: total(module) },
    { build: 'classic script (lead-capture.classic.js)', files: classic.length, gzip: total(classic) },
  ];
}

async function bundle(external: string[]): Promise<Uint8Array> {
  const result = await build({
    entryPoints: ['src/define.ts'],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    conditions: ['production'],
    external,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.contents;
}

const PACKAGES = {
  lit: ['lit', 'lit/*', 'lit-html', 'lit-html/*', 'lit-element', 'lit-element/*', '@lit/reactive-element', '@lit/reactive-element/*'],
  'zod (zod/mini)': ['zod', 'zod/*'],
  'libphonenumber-js (core)': ['libphonenumber-js', 'libphonenumber-js/*'],
} as const;

/** Each dependency's share of the widget's gzip size; "ours" is what is left. */
export async function dependencyShares(): Promise<{ readonly part: string; readonly gzip: number }[]> {
  const whole = gzipSync(await bundle([]), { level: 9 }).byteLength;
  const shares: { part: string; gzip: number }[] = [];
  for (const [part, external] of Object.entries(PACKAGES)) {
    const without = gzipSync(await bundle([...external]), { level: 9 }).byteLength;
    shares.push({ part, gzip: whole - without });
  }
  const allOut = gzipSync(await bundle(Object.values(PACKAGES).flat()), { level: 9 }).byteLength;
  shares.push({ part: 'lead-capture itself (incl. phone metadata slice)', gzip: allOut });
  shares.push({ part: 'whole widget (esbuild, for reference)', gzip: whole });
  return shares;
}
