// scripts/minify-templates.ts, which vite.config.ts runs over the widget's templates in its builds:
// it takes out only what the browser ignores, and keeps every line where it was.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { minifyCss, minifyHtml, minifyTemplates } from '../../scripts/minify-templates.js';

const lines = (text: string): number => text.split('\n').length;

describe('minifyHtml', () => {
  it('cuts a run of white space holding a line break to the line break, in text and between attributes', () => {
    assert.deepEqual(minifyHtml(['<div class="lc-success">\n    <h2\n      tabindex="-1">', '</h2>\n  </div>']), [
      '<div class="lc-success">\n<h2\ntabindex="-1">',
      '</h2>\n</div>',
    ]);
  });

  it('keeps white space without a line break, which can be a rendered space', () => {
    assert.deepEqual(minifyHtml(['<span>a</span> <span>b</span>  c']), ['<span>a</span> <span>b</span>  c']);
  });

  it('removes nothing between tags: a line break between two inline elements still renders as a space', () => {
    assert.deepEqual(minifyHtml(['<strong>a</strong>\n    <a href="#">b</a>']), ['<strong>a</strong>\n<a href="#">b</a>']);
  });

  it('keeps a quoted attribute value as written, also across an expression', () => {
    assert.deepEqual(minifyHtml(['<p title="one\n    two" class="a ', '\n   b">\n  x</p>']), [
      '<p title="one\n    two" class="a ',
      '\n   b">\nx</p>',
    ]);
  });

  it('keeps the content of <pre> and <textarea> as written, and minifies again after it', () => {
    assert.deepEqual(minifyHtml(['<pre>\n  a\n    b</pre>\n  <textarea\n    name="m">\n  keep\n</textarea>\n  <p>']), [
      '<pre>\n  a\n    b</pre>\n<textarea\nname="m">\n  keep\n</textarea>\n<p>',
    ]);
  });

  it('keeps comments as written (Lit reads none, but a page might)', () => {
    assert.deepEqual(minifyHtml(['<!-- a\n    b -->\n  <p>']), ['<!-- a\n    b -->\n<p>']);
  });

  it('keeps every line', () => {
    const part = '<div>\n    <p>\n      text\n    </p>\n  </div>';
    assert.equal(lines(minifyHtml([part])[0]!), lines(part));
  });
});

describe('minifyCss', () => {
  it('takes out indentation, the spaces around { } ; , > and after :, and a rule’s last ;', () => {
    assert.deepEqual(minifyCss(['\n', ' .lc-form > * {\n  display: grid;\n  gap: 4px 12px;\n  grid-template-columns: repeat(auto-fit, minmax(10em, 1fr));\n}\n']), [
      '\n',
      ' .lc-form>*{\ndisplay:grid;\ngap:4px 12px;\ngrid-template-columns:repeat(auto-fit,minmax(10em,1fr))\n}\n',
    ]);
  });

  it('keeps the space before a selector’s colon, a descendant combinator', () => {
    assert.deepEqual(minifyCss([' :is(.lc-input, a):focus-visible { outline: none; }']), [' :is(.lc-input,a):focus-visible{outline:none}']);
  });

  it('replaces a comment by the line breaks it held', () => {
    assert.deepEqual(minifyCss(['/* one\n   two */\n.a { color: red; /* why */ }']), ['\n\n.a{color:red;}']);
  });

  it('keeps quoted strings as written', () => {
    assert.deepEqual(minifyCss(['.a { font-family: "Segoe UI", Arial; content: "a ; b , c" ; }']), ['.a{font-family:"Segoe UI",Arial;content:"a ; b , c"}']);
  });

  it('keeps every line', () => {
    const part = '.a {\n  /* x\n  y */\n  color: red;\n}\n';
    assert.equal(lines(minifyCss([part])[0]!), lines(part));
  });
});

describe('minifyTemplates', () => {
  const source = [
    "import { html } from 'lit';",
    'const label = `keep  this\n   one`;',
    'export const view = (name: string) => html`<p>\n    ${name}\n  </p>`;',
    'export const sheet = `.a {\n  color: ${"red"};\n}`;',
    'export const after = 1;',
  ].join('\n');

  it('minifies Lit templates, and leaves other template literals alone outside a style module', () => {
    const out = minifyTemplates(source, '/src/element/view.ts', { css: false })!;
    assert.ok(out.includes('html`<p>\n${name}\n</p>`'));
    assert.ok(out.includes('`keep  this\n   one`'));
    assert.ok(out.includes('`.a {\n  color: ${"red"};\n}`'));
  });

  it('treats every untagged template literal of a style module as CSS', () => {
    const out = minifyTemplates(source, '/src/element/styles.ts', { css: true })!;
    assert.ok(out.includes('`.a{\ncolor:${"red"}\n}`'));
    assert.ok(out.includes('html`<p>\n${name}\n</p>`'), 'a Lit template is still markup');
  });

  it('keeps the code around the templates on its lines', () => {
    const out = minifyTemplates(source, '/src/element/styles.ts', { css: true })!;
    assert.equal(lines(out), lines(source));
    assert.equal(out.split('\n').at(-1), 'export const after = 1;');
  });

  it('answers null when there is nothing to take out', () => {
    assert.equal(minifyTemplates('export const a = html`<p>${1}</p>`;', '/src/a.ts', { css: false }), null);
  });
});
