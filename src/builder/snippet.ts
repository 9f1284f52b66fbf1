import { asksDateOfBirth } from '../element/date-of-birth-part.js';
import { namesField } from '../element/field-list.js';
import { HELD_PRELOADS } from '../element/held-preloads.js';
import { asksQuestions } from '../element/questions-part.js';
import { asksUsState } from '../element/us-states-part.js';
import type { EmbedAttribute } from './attributes.js';

/**
 * Each browser file's Subresource Integrity, as `dist/sri.json` has it: the bundles and the module
 * build's chunks, `{ "lead-capture.js": "sha384-…", "lead-capture.validation.js": "sha384-…" }`.
 */
export type SriManifest = Readonly<Record<string, string>>;

/** A chunk of the module build, pinned: preloaded beside the script with its hash. */
export interface PinnedChunk {
  readonly file: string;
  readonly integrity: string;
}

export interface ScriptTag {
  readonly src: string;
  readonly type: 'module' | 'classic';
  /** `sha384-…`; without it the tag is not pinned. */
  readonly integrity?: string | undefined;
  /** The module build's chunks this page loads, each preloaded with its hash (empty for the classic build). */
  readonly chunks?: readonly PinnedChunk[];
  /** `sha384-…` of the module build's loader (`LOADER`), the script of a prerendered form. */
  readonly loaderIntegrity?: string | undefined;
}

/**
 * The module build's loader, `lead-capture.loader.js` (src/loader.ts): a prerendered form's script,
 * which imports `lead-capture.js` beside it once a frame after the parse has painted, so the widget's
 * evaluation never holds back the markup's first paint.
 */
export const LOADER = 'lead-capture.loader.js';

/** A module build's chunk: `lead-capture.<name>.js`, beside the entry (the classic bundle is not one). */
const CHUNK = /^lead-capture\.([\w-]+)\.js$/;

/** An attribute's text as the element reads it (a bare attribute is empty). */
const text = (value: string | true | undefined): string => (typeof value === 'string' ? value : '');

/**
 * The forms a chunk is loaded for, when not every page loads it: the Spanish words for a Spanish
 * form; the email-typo table for a form that asks for an email (the default fields do); the consent
 * disclosure and its check for a form with one; the consent recorders for a form with TrustedForm or
 * Jornaya; the hashing of enhanced conversions for a form with them; the takeover of a prerendered
 * form for an element that carries one (its `prerendered` attribute); the code of questions and
 * steps for a form with either, the date of birth's boxes for a form that asks for it, and the states'
 * list for a form that asks for the state, by the element's own tests. The rules and delivery are loaded by every form.
 */
const LOADED_WHEN: Readonly<Record<string, (attributes: ReadonlyMap<string, string | true>) => boolean>> = {
  questions: (attributes) => asksQuestions({ questions: text(attributes.get('questions')), steps: text(attributes.get('steps')) }),
  'date-of-birth': (attributes) => asksDateOfBirth(text(attributes.get('fields'))),
  'us-states': (attributes) => asksUsState(text(attributes.get('fields'))),
  es: (attributes) => String(attributes.get('locale') ?? '').toLowerCase().startsWith('es'),
  consent: (attributes) => String(attributes.get('consent') ?? '').trim() !== '',
  'consent-visibility': (attributes) => String(attributes.get('consent') ?? '').trim() !== '',
  recorders: (attributes) => attributes.has('trustedform') || String(attributes.get('jornaya') ?? '').trim() !== '',
  prerendered: (attributes) => attributes.has('prerendered'),
  'enhanced-conversions': (attributes) => attributes.has('enhanced-conversions'),
  'email-typos': (attributes) => {
    const fields = attributes.get('fields');
    return fields === undefined || namesField(String(fields), 'email');
  },
};

/**
 * The module build's chunks a page with these attributes loads, pinned with this build's hashes. A
 * dynamically imported module is not checked against any hash of its own, but a module preloaded
 * with `integrity` is the one the import then uses: so each chunk the page will load is preloaded,
 * pinned, and starts downloading beside the script instead of after it.
 */
export function pinnedChunks(manifest: SriManifest | undefined | null, attributes: readonly EmbedAttribute[]): PinnedChunk[] {
  if (!manifest) return [];
  const named = new Map(attributes);
  return Object.entries(manifest).flatMap(([file, integrity]) => {
    const name = CHUNK.exec(file)?.[1];
    if (name === undefined || name === 'classic' || name === 'loader') return [];
    const when = LOADED_WHEN[name];
    return when && !when(named) ? [] : [{ file, integrity }];
  });
}

/** A chunk's address: beside the script, as the script's own `import()` resolves it. */
export function chunkUrl(src: string, file: string): string {
  const path = src.split(/[?#]/)[0] ?? '';
  return `${path.slice(0, path.lastIndexOf('/') + 1)}${file}`;
}

/** The bundle file a script type loads. */
export function bundleFile(type: ScriptTag['type']): string {
  return type === 'module' ? 'lead-capture.js' : 'lead-capture.classic.js';
}

/**
 * An attribute value as HTML reads it back exactly: `&` always escaped (so `&copy;` stays text),
 * the quote that delimits it escaped, and `<` `>` too, for tools that scan markup naively. JSON
 * goes in single quotes, so its own double quotes stay readable.
 */
export function attributeText([name, value]: EmbedAttribute): string {
  if (value === true) return name;
  const quote = value.includes('"') && !value.includes("'") ? "'" : '"';
  const escaped = value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll(quote, quote === '"' ? '&quot;' : '&#39;');
  return `${name}=${quote}${escaped}${quote}`;
}

function preloadText(href: string, integrity: string | undefined): string {
  const attributes: EmbedAttribute[] = [['rel', 'modulepreload'], ['href', href]];
  if (integrity) attributes.push(['integrity', integrity], ['crossorigin', 'anonymous']);
  return `<link ${attributes.map(attributeText).join(' ')}>\n`;
}

/** Whether the module embed's script is the prerendered form's loader (pinned only when the loader is too). */
function usesLoader(script: ScriptTag, prerendered: boolean): boolean {
  return script.type === 'module' && prerendered && (!script.integrity || script.loaderIntegrity !== undefined);
}

/**
 * The import map that pins what the widget imports: `lead-capture.js` when the loader imports it,
 * and each chunk the form loads. A module preloaded with `integrity` guards an `import()` only while
 * its preload stands: Chromium does not remember a preload its check refused, and the `import()` that
 * follows fetches the file again, unchecked, and runs it (Firefox and Safari never check an import
 * against a preload's hash). An `integrity` entry in an import map is checked on every import of that
 * URL (Chrome 127, Firefox 138, Safari 18). Undefined for the classic build or an unpinned embed.
 * Its text goes into the page as an inline script, whose SHA-256 a Content-Security-Policy must allow
 * (`importMapText` is exactly what is hashed).
 */
export function importMapText(script: ScriptTag, prerendered: boolean): string | undefined {
  if (script.type !== 'module' || !script.integrity) return undefined;
  const pinned: [string, string][] = (script.chunks ?? []).map((chunk) => [chunkUrl(script.src, chunk.file), chunk.integrity]);
  if (usesLoader(script, prerendered)) pinned.unshift([chunkUrl(script.src, bundleFile('module')), script.integrity]);
  if (pinned.length === 0) return undefined;
  // `<` escaped, so no address can end the script element early.
  const entries = pinned.map(([url, integrity]) => `    ${JSON.stringify(url).replaceAll('<', '\\u003c')}: ${JSON.stringify(integrity)}`);
  return `{\n  "integrity": {\n${entries.join(',\n')}\n  }\n}`;
}

/**
 * The script tag and its preloads. A prerendered form's module build loads the loader instead of the
 * widget, with the widget preloaded first (pinned, as the page's own script tag would have been), and
 * holds those preloads in a `<template data-lc-preloads>` that the loader empties into the page once
 * the markup has painted (src/element/held-preloads.ts): parsed with the page, they were fetched and
 * compiled before the markup was on screen and held it back. Pinned only when the loader is too: a
 * manifest without it (an older build) keeps the widget's own script tag and preloads as they are.
 */
function scriptText(script: ScriptTag, prerendered: boolean): string {
  const loader = usesLoader(script, prerendered);
  const src = loader ? chunkUrl(script.src, LOADER) : script.src;
  const integrity = loader ? script.loaderIntegrity : script.integrity;
  const attributes: EmbedAttribute[] = [];
  if (script.type === 'module') attributes.push(['type', 'module']);
  attributes.push(['src', src]);
  if (integrity) attributes.push(['integrity', integrity], ['crossorigin', 'anonymous']);
  if (script.type === 'classic') attributes.push(['defer', true]);
  const widget = loader ? [preloadText(chunkUrl(script.src, bundleFile('module')), script.integrity)] : [];
  const chunks = script.type === 'module' && script.integrity ? (script.chunks ?? []) : [];
  const links = [...widget, ...chunks.map((chunk) => preloadText(chunkUrl(script.src, chunk.file), chunk.integrity))].join('');
  const preloads = loader && links ? `<template ${HELD_PRELOADS}>\n${links}</template>\n` : links;
  return `${preloads}<script ${attributes.map(attributeText).join(' ')}></script>`;
}

/** The stylesheet of the prerendered form, `lead-capture.css`, beside the script. */
export const STYLESHEET = 'lead-capture.css';

/** The widget's first screen as the page's own markup (src/builder/prerender.ts), with the stylesheet that paints it. */
export interface PrerenderedForm {
  /** The markup inside `<lead-capture>`, each line already indented. */
  readonly markup: string;
  /** The markup root's id (`prerender.ts`, `prerenderToken`), written as the element's `prerendered` attribute. */
  readonly token: string;
  /** `sha384-…` of `lead-capture.css`; without it the link is not pinned. */
  readonly integrity?: string | undefined;
}

function stylesheetText(script: ScriptTag, integrity: string | undefined): string {
  const attributes: EmbedAttribute[] = [['rel', 'stylesheet'], ['href', chunkUrl(script.src, STYLESHEET)]];
  if (integrity) attributes.push(['integrity', integrity], ['crossorigin', 'anonymous']);
  return `<link ${attributes.map(attributeText).join(' ')}>\n`;
}

/**
 * The embed code: the import map that pins what the widget imports (a pinned module build), the stylesheet when the form is prerendered, the pinned chunks' preloads (module
 * build; with a prerendered form, the widget's preload first, all held in a template until the markup
 * has painted, and the loader as the script), the script
 * tag, then the element with one attribute a line, holding the prerendered form when there is one (and
 * naming it, `prerendered="lc-p-…"`, for the element to find it wherever the page's HTML puts it).
 */
export function embedSnippet(script: ScriptTag, embed: readonly EmbedAttribute[], prerendered?: PrerenderedForm): string {
  const attributes: readonly EmbedAttribute[] = prerendered ? [...embed, ['prerendered', prerendered.token]] : embed;
  const open = attributes.length === 0 ? '<lead-capture>' : `<lead-capture\n${attributes.map((attribute) => `  ${attributeText(attribute)}`).join('\n')}\n>`;
  const element = prerendered ? `${open}\n${prerendered.markup}\n</lead-capture>` : `${open}</lead-capture>`;
  const stylesheet = prerendered ? stylesheetText(script, prerendered.integrity) : '';
  // The import map first: one that comes after the page's module loading began is ignored (Firefox).
  const map = importMapText(script, prerendered !== undefined);
  const importMap = map === undefined ? '' : `<script type="importmap">${map}</script>\n`;
  return `${importMap}${stylesheet}${scriptText(script, prerendered !== undefined)}\n${element}\n`;
}
