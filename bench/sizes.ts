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

/** Every script in dist/, chunks included, and the prerendered form's stylesheet (paths relative to dist/). */
export function distSizes(dir = 'dist'): FileSize[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.js') || name === 'lead-capture.css')
    .sort()
    .map((name) => measure(name, readFileSync(`${dir}/${name}`)));
}

/** Chunks a page fetches only when it uses them; every other chunk comes right after the first render. */
const ON_DEMAND: Readonly<Record<string, string>> = {
  'lead-capture.es.js': 'a Spanish form',
  'lead-capture.email-typos.js': 'once an email is typed',
  'lead-capture.consent.js': 'a form with a consent disclosure',
  'lead-capture.consent-visibility.js': 'a form with a consent disclosure',
  'lead-capture.recorders.js': 'a form with TrustedForm or Jornaya',
  'lead-capture.enhanced-conversions.js': 'a form with enhanced conversions',
  'lead-capture.prerendered.js': 'a page with the builder’s prerendered form',
  'lead-capture.questions.js': 'a form with questions or steps',
  'lead-capture.date-of-birth.js': 'a form that asks for a date of birth',
  'lead-capture.us-states.js': 'a form that asks for the state',
};

export interface PageTotal {
  readonly build: string;
  readonly files: number;
  readonly gzip: number;
  /** Whether the 35 KB budget (everything fetched to take and send one lead) applies to this row. */
  readonly budget: boolean;
}

/**
 * What a page fetches for the widget. The classic build is one file. The module build is its first
 * chunk (lead-capture.js, all the form needs to render), the chunks fetched in parallel right after
 * the first render (validation, delivery), and chunks fetched only when used (ON_DEMAND): one lead
 * typed and sent by a person counts the email-typo table; a form with a consent disclosure (what a
 * TCPA form fetches; TrustedForm's vendor script is not ours) adds the disclosure (before it first
 * renders), the consent check and the recorders; a form with questions or steps adds their code, and a
 * form with a date of birth its boxes, and a form with a state the states' list (each before it first
 * renders); a Spanish form adds its words; a page with the builder's prerendered form adds
 * its loader (lead-capture.loader.js, its script, which imports the first chunk), its stylesheet
 * (lead-capture.css) and the takeover of its markup (lead-capture.prerendered.js).
 */
export function pageTotals(sizes: readonly FileSize[]): PageTotal[] {
  const total = (files: readonly FileSize[]) => files.reduce((sum, size) => sum + size.gzip, 0);
  const classic = sizes.filter((size) => size.file === 'lead-capture.classic.js');
  const first = sizes.filter((size) => size.file === 'lead-capture.js');
  const chunks = sizes.filter((size) => /^lead-capture\.[\w-]+\.js$/.test(size.file) && !['lead-capture.classic.js', 'lead-capture.loader.js'].includes(size.file));
  const parallel = chunks.filter((size) => !(size.file in ON_DEMAND));
  const typos = chunks.filter((size) => size.file === 'lead-capture.email-typos.js');
  const es = chunks.filter((size) => size.file === 'lead-capture.es.js');
  const consent = chunks.filter((size) => ['lead-capture.consent.js', 'lead-capture.consent-visibility.js', 'lead-capture.recorders.js'].includes(size.file));
  const questions = chunks.filter((size) => size.file === 'lead-capture.questions.js');
  const date = chunks.filter((size) => size.file === 'lead-capture.date-of-birth.js');
  const states = chunks.filter((size) => size.file === 'lead-capture.us-states.js');
  const lead = [...first, ...parallel, ...typos];
  const prerendered = sizes.filter((size) => ['lead-capture.loader.js', 'lead-capture.css', 'lead-capture.prerendered.js'].includes(size.file));
  return [
    { build: 'ES module: first chunk (lead-capture.js), what the form renders from', files: first.length, gzip: total(first), budget: false },
    { build: `ES module: one lead (first chunk + ${parallel.map((size) => size.file.replace(/^lead-capture\.|\.js$/g, '')).join(' + ')} in parallel + email-typos)`, files: lead.length, gzip: total(lead), budget: true },
    { build: 'ES module: one lead, TCPA form: consent disclosure and TrustedForm (+ consent + consent-visibility + recorders)', files: lead.length + consent.length, gzip: total([...lead, ...consent]), budget: true },
    { build: 'ES module: one lead, with questions and steps (+ questions)', files: lead.length + questions.length, gzip: total([...lead, ...questions]), budget: true },
    { build: 'ES module: one lead, with a date of birth (+ date-of-birth)', files: lead.length + date.length, gzip: total([...lead, ...date]), budget: true },
    { build: 'ES module: one lead, with a state (+ us-states)', files: lead.length + states.length, gzip: total([...lead, ...states]), budget: true },
    { build: 'ES module: one lead, Spanish form (+ es)', files: lead.length + es.length, gzip: total([...lead, ...es]), budget: true },
    { build: 'ES module: one lead, prerendered form (+ loader + lead-capture.css + prerendered)', files: lead.length + prerendered.length, gzip: total([...lead, ...prerendered]), budget: true },
    { build: 'classic script (lead-capture.classic.js)', files: classic.length, gzip: total(classic), budget: true },
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
