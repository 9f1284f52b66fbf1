// The reference a person reads is the element as it is: the source makes custom-elements.json
// (`npm run manifest`), the manifest makes the README's tables (`npm run docs`), and each link is
// checked here, so none can drift.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import {
  elementDeclaration,
  readmeSection,
  referenceTables,
  SECTIONS,
  withReference,
  type ElementDeclaration,
  type Manifest,
} from '../../scripts/docs.js';
import { CSS } from '../../src/element/styles.js';
import { OUTBOX_TTL_MS } from '../../src/flow/outbox.js';

const root = new URL('../../', import.meta.url);
const read = (path: string) => readFileSync(new URL(path, root), 'utf8');
const committed = () => JSON.parse(read('custom-elements.json')) as Manifest;

describe('custom-elements.json', () => {
  it('is what the analyzer makes of the source now (regenerate with npm run docs)', () => {
    const outdir = 'node_modules/.cache/manifest-check';
    const packageJson = read('package.json');
    execFileSync('npx', ['cem', 'analyze', '--outdir', outdir], { cwd: root, stdio: 'pipe' });
    assert.deepEqual(JSON.parse(read(`${outdir}/custom-elements.json`)), committed());
    assert.equal(read('package.json'), packageJson, 'the check must leave package.json as it was');
  });

  it('is where package.json tells tools to find it', () => {
    assert.equal((JSON.parse(read('package.json')) as { customElements?: string }).customElements, 'custom-elements.json');
  });

  it('lists every class hook the templates render (src/element/*.ts)', () => {
    const element = elementDeclaration(committed());
    const documented = new Set(element.cssClasses?.map((hook) => hook.name));
    const folder = new URL('src/element/', root);
    const source = readdirSync(folder)
      .filter((name) => name.endsWith('.ts'))
      .map((name) => readFileSync(new URL(name, folder), 'utf8'))
      .join('\n');
    // Class names as templates write them: in class="…" (with ${…} parts) or assigned to className.
    const attributes = [...source.matchAll(/class="([^"]*)"|className = '([^']*)'/g)].map((match) => match[1] ?? match[2] ?? '');
    const rendered = new Set(attributes.flatMap((value) => [...value.matchAll(/\blc-[a-z0-9-]+/g)].map(([name]) => name)));
    // Internal, not for pages to style: the honeypot must stay off screen.
    rendered.delete('lc-honeypot');
    // `lc-field--${key}`: one hook per field key, documented once.
    if (rendered.delete('lc-field--')) rendered.add('lc-field--<name>');
    assert.deepEqual([...rendered].filter((name) => !documented.has(name)), [], 'rendered but not documented (@cssclass in styles.ts)');
    assert.deepEqual([...documented].filter((name) => !rendered.has(name)), [], 'documented but never rendered');
  });

  it('lists every --lead-capture-* property the sheet reads, with its default', () => {
    const element = elementDeclaration(committed());
    const used = new Set([...CSS.matchAll(/var\((--lead-capture-[a-z-]+)/g)].map(([, name]) => name));
    const documented = element.cssProperties ?? [];
    assert.deepEqual(documented.map((property) => property.name).sort(), [...used].sort());
    assert.deepEqual(documented.filter((property) => !property.default).map((property) => property.name), []);
  });
});

describe('what the reference says of the outbox', () => {
  it('gives the lifetime of a stored lead as the outbox keeps it (persist)', () => {
    const persist = elementDeclaration(committed()).attributes?.find((attribute) => attribute.name === 'persist');
    assert.match(persist?.description ?? '', new RegExp(`\\(${OUTBOX_TTL_MS / 3_600_000} hours at most\\)`));
  });
});

describe('README.md reference tables', () => {
  const tables = referenceTables(elementDeclaration(committed()));

  for (const section of SECTIONS) {
    it(`${section}: the table between the markers is the manifest's (regenerate with npm run docs)`, () => {
      assert.equal(readmeSection(read('README.md'), section), tables[section]);
    });
  }

  it('lists every attribute once, with its property twin', () => {
    const rows = tables.attributes.split('\n').filter((line) => /^\| `[a-z-]+` \| `[a-zA-Z]+` \|/.test(line));
    assert.equal(rows.length, elementDeclaration(committed()).attributes?.length);
    assert.ok(rows.length >= 29);
    assert.ok(rows.some((line) => line.startsWith('| `min-age` | `minAge` | `18` |')));
  });
});

describe('npm run docs', () => {
  const element: ElementDeclaration = {
    tagName: 'x-demo',
    attributes: [{ name: 'a-b', fieldName: 'aB', default: "'x'", description: 'Splits on `;` or `|`.' }],
    events: [{ name: 'x-done', description: 'It finished. `detail: { outcome }`' }],
    cssProperties: [{ name: '--x-color', description: 'Colour.', default: '#fff', darkDefault: '#000' }],
    cssClasses: [{ name: 'x-form', description: 'The form.' }],
  };
  const blank = SECTIONS.map((section) => `<!-- reference:${section} -->\nold\n<!-- /reference:${section} -->`).join('\n\nprose\n\n');

  it('replaces only what lies between the markers, and a second run changes nothing', () => {
    const once = withReference(`intro\n\n${blank}\n\noutro\n`, referenceTables(element));
    assert.ok(once.startsWith('intro\n\n<!-- reference:attributes -->\n| attribute |'));
    assert.ok(once.endsWith('<!-- /reference:class-hooks -->\n\noutro\n'));
    assert.equal(once.match(/prose/g)?.length, 3);
    assert.equal(withReference(once, referenceTables(element)), once);
  });

  it('escapes pipes in cells, and splits an event description into when and detail', () => {
    const tables = referenceTables(element);
    assert.ok(tables.attributes.includes('| `a-b` | `aB` | `x` | Splits on `;` or `\\|`. |'));
    assert.ok(tables.events.includes('| `x-done` | It finished | `{ outcome }` |'));
    assert.ok(tables['css-properties'].includes('| `--x-color` | Colour. | `#fff` / `#000` |'));
  });

  it('refuses a README without the markers rather than lose a table', () => {
    assert.throws(() => withReference('no markers here', referenceTables(element)), /lacks the markers/);
  });
});
