// `npm run docs`: writes the README's reference tables (attributes and properties, methods, events,
// CSS custom properties, class hooks) from custom-elements.json, between markers such as
// `<!-- reference:events -->` … `<!-- /reference:events -->`. test/node/docs.node-test.ts fails when
// the README and the manifest disagree; `npm run manifest` (run first by `npm run docs`) keeps the
// manifest true to the element's source.
//   tsx scripts/docs.ts            rewrite README.md
//   tsx scripts/docs.ts --check    say which tables are out of date, exit 1 if any
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The parts of a custom-elements.json declaration the reference reads. */
export interface ElementDeclaration {
  readonly tagName?: string;
  readonly attributes?: readonly { name: string; fieldName?: string; default?: string; description?: string }[];
  readonly members?: readonly {
    kind: string;
    name: string;
    privacy?: string;
    static?: boolean;
    attribute?: string;
    default?: string;
    description?: string;
    parameters?: readonly { name: string }[];
  }[];
  readonly events?: readonly { name: string; description?: string }[];
  readonly cssProperties?: readonly { name: string; description?: string; default?: string; darkDefault?: string }[];
  readonly cssClasses?: readonly { name: string; description?: string }[];
}

export interface Manifest {
  readonly modules: readonly { declarations?: readonly ElementDeclaration[] }[];
}

export const SECTIONS = ['attributes', 'events', 'css-properties', 'class-hooks'] as const;
export type Section = (typeof SECTIONS)[number];

export function elementDeclaration(manifest: Manifest, tagName = 'lead-capture'): ElementDeclaration {
  const found = manifest.modules.flatMap((module) => module.declarations ?? []).find((entry) => entry.tagName === tagName);
  if (!found) throw new Error(`custom-elements.json has no <${tagName}>: run npm run manifest`);
  return found;
}

/** Text for one table cell: one line, pipes escaped (GitHub splits cells on them, even in code). */
function cell(text: string | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim().replace(/\|/g, '\\|');
}

function code(text: string): string {
  return `\`${text}\``;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A default as a page writes it: `relay`, `15000`, `false`; nothing for empty, unset, a named constant or a function. */
function defaultValue(source: string | undefined): string {
  if (source === undefined || source === 'undefined' || source === "''" || source === '""' || source.includes('=>')) return '';
  const quoted = /^'(.*)'$|^"(.*)"$/.exec(source);
  if (quoted) return code(quoted[1] ?? quoted[2] ?? '');
  if (/^-?[\d_.]+$/.test(source)) return code(source.replace(/_/g, ''));
  if (/^[A-Z_][A-Z0-9_]*$/.test(source)) return '';
  return code(source);
}

function attributesTable(element: ElementDeclaration): string {
  const attributes = element.attributes ?? [];
  const twins = new Set(attributes.map((attribute) => attribute.fieldName));
  const publicMembers = (element.members ?? []).filter((member) => !member.static && (member.privacy ?? 'public') === 'public');
  const rows = attributes.map((attribute) => [
    code(attribute.name),
    attribute.fieldName ? code(attribute.fieldName) : '',
    defaultValue(attribute.default),
    cell(attribute.description),
  ]);
  const propertiesOnly = publicMembers
    .filter((member) => member.kind === 'field' && !twins.has(member.name))
    .map((member) => ['—', code(member.name), defaultValue(member.default), cell(member.description)]);
  const methods = publicMembers
    .filter((member) => member.kind === 'method')
    .map((member) => [code(`${member.name}(${(member.parameters ?? []).map((parameter) => parameter.name).join(', ')})`), cell(member.description)]);
  return [
    table(['attribute', 'property', 'default', 'what it does'], [...rows, ...propertiesOnly]),
    '',
    table(['method', 'what it does'], methods),
  ].join('\n');
}

/** An event's JSDoc says when it fires, then its detail in code: "A step failed. `detail: { … }`". */
function eventsTable(element: ElementDeclaration): string {
  const rows = (element.events ?? []).map((event) => {
    const [, when, detail] = /^([\s\S]*?)\s*`detail: ([\s\S]*)`\s*\.?$/.exec(event.description ?? '') ?? [];
    return [code(event.name), cell((when ?? event.description ?? '').replace(/\.$/, '')), detail ? code(cell(detail)) : ''];
  });
  return table(['event', 'when', '`detail`'], rows);
}

function cssPropertiesTable(element: ElementDeclaration): string {
  const rows = (element.cssProperties ?? []).map((property) => [
    code(property.name),
    cell(property.description),
    [property.default, property.darkDefault].filter((value) => value !== undefined).map((value) => code(cell(value))).join(' / '),
  ]);
  return table(['property', 'what it styles', 'default (light / dark)'], rows);
}

function classHooksTable(element: ElementDeclaration): string {
  const rows = (element.cssClasses ?? []).map((hook) => [code(`.${hook.name}`), cell(hook.description)]);
  return table(['class', 'what it is'], rows);
}

/** Every reference table, as the README shows it. */
export function referenceTables(element: ElementDeclaration): Record<Section, string> {
  return {
    attributes: attributesTable(element),
    events: eventsTable(element),
    'css-properties': cssPropertiesTable(element),
    'class-hooks': classHooksTable(element),
  };
}

function markers(section: Section): [string, string] {
  return [`<!-- reference:${section} -->`, `<!-- /reference:${section} -->`];
}

/** The README's text between one section's markers; throws when the markers are missing. */
export function readmeSection(readme: string, section: Section): string {
  const [open, close] = markers(section);
  const start = readme.indexOf(open);
  const end = readme.indexOf(close);
  if (start < 0 || end < start) throw new Error(`README.md lacks the markers ${open} … ${close}`);
  return readme.slice(start + open.length, end).trim();
}

/** The README with every section's table replaced by the one generated from the manifest. */
export function withReference(readme: string, tables: Record<Section, string>): string {
  return SECTIONS.reduce((text, section) => {
    const [open, close] = markers(section);
    const current = readmeSection(text, section);
    const start = text.indexOf(open) + open.length;
    const end = text.indexOf(close);
    return current === tables[section] ? text : `${text.slice(0, start)}\n${tables[section]}\n${text.slice(end)}`;
  }, readme);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL('../', import.meta.url);
  const readmeUrl = new URL('README.md', root);
  const manifest = JSON.parse(readFileSync(new URL('custom-elements.json', root), 'utf8')) as Manifest;
  const readme = readFileSync(readmeUrl, 'utf8');
  const tables = referenceTables(elementDeclaration(manifest));
  if (process.argv.includes('--check')) {
    const stale = SECTIONS.filter((section) => readmeSection(readme, section) !== tables[section]);
    if (stale.length > 0) console.error(`README.md is out of date (${stale.join(', ')}): run npm run docs`);
    process.exit(stale.length > 0 ? 1 : 0);
  }
  const updated = withReference(readme, tables);
  if (updated !== readme) writeFileSync(readmeUrl, updated);
  console.log(updated === readme ? 'README.md reference tables are current' : 'README.md reference tables rewritten from custom-elements.json');
}
