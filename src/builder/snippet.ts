import type { EmbedAttribute } from './attributes.js';

/** A bundle's Subresource Integrity, as `dist/sri.json` has it: `{ "lead-capture.js": "sha384-…" }`. */
export type SriManifest = Readonly<Record<string, string>>;

export interface ScriptTag {
  readonly src: string;
  readonly type: 'module' | 'classic';
  /** `sha384-…`; without it the tag is not pinned. */
  readonly integrity?: string | undefined;
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

function scriptText(script: ScriptTag): string {
  const attributes: EmbedAttribute[] = [];
  if (script.type === 'module') attributes.push(['type', 'module']);
  attributes.push(['src', script.src]);
  if (script.integrity) attributes.push(['integrity', script.integrity], ['crossorigin', 'anonymous']);
  if (script.type === 'classic') attributes.push(['defer', true]);
  return `<script ${attributes.map(attributeText).join(' ')}></script>`;
}

/** The embed code: the script tag, then the element with one attribute a line. */
export function embedSnippet(script: ScriptTag, attributes: readonly EmbedAttribute[]): string {
  const element = attributes.length === 0 ? '<lead-capture></lead-capture>' : `<lead-capture\n${attributes.map((attribute) => `  ${attributeText(attribute)}`).join('\n')}\n></lead-capture>`;
  return `${scriptText(script)}\n${element}\n`;
}
