// The widget's markup (Lit `html` templates) and its style sheet (template literals in
// src/element/styles*.ts and theme.ts) carry the source's indentation, comments and spacing into the
// bundle, where a page downloads them. vite.config.ts runs this over those modules in the widget's
// builds (issue 18's byte budget). It only takes out what the browser ignores:
//
// - Markup: a run of white space that holds a line break becomes the line break alone. HTML collapses
//   such a run to one space where it renders, so the page shows the same; runs inside a quoted
//   attribute value, a comment, or the content of <pre>, <textarea>, <script> or <style> are kept
//   as they are, and nothing is removed between tags (a run between two inline elements renders as a
//   space).
// - CSS: comments go; spaces around `{ } ; , >` and after `:` go; a rule's last `;` goes. Quoted
//   strings are kept as they are, and so is the space before a selector's `:` (`a :is(b)` is not
//   `a:is(b)`).
//
// Line breaks are kept (a comment is replaced by the line breaks it held), so each template keeps its
// lines and the source map of the code around it stays right.
//
// Plugins exist (@lit-labs/rollup-plugin-minify-html-literals, rollup-plugin-html-literals), but they
// bring html-minifier and clean-css into the build, see only tagged templates (our sheet is a plain
// string put together by functions), and this project adds no dependencies; this is small enough to
// test whole (test/node/minify-templates.node-test.ts), and vite's own parser finds the templates.
import { parseSync, Visitor } from 'vite';

/** The tags whose content is text the browser keeps as written. */
const VERBATIM_ELEMENTS = new Set(['pre', 'textarea', 'script', 'style']);

/**
 * The static parts of one `html` template (the raw text between its `${…}`), with each run of white
 * space that holds a line break cut to the line break, where the browser collapses it anyway.
 */
export function minifyHtml(parts: readonly string[]): string[] {
  // What the scanner is in, carried across the template's expressions.
  let state: 'text' | 'tag' | 'comment' = 'text';
  let quote: '"' | "'" | null = null;
  let verbatim: string | null = null;
  return parts.map((part) => {
    let out = '';
    let i = 0;
    while (i < part.length) {
      const char = part[i]!;
      if (state === 'comment') {
        const end = part.indexOf('-->', i);
        if (end === -1) {
          out += part.slice(i);
          break;
        }
        out += part.slice(i, end + 3);
        i = end + 3;
        state = 'text';
        continue;
      }
      if (state === 'tag' && quote !== null) {
        if (char === quote) quote = null;
        out += char;
        i += 1;
        continue;
      }
      if (verbatim !== null && state === 'text') {
        const close = part.toLowerCase().indexOf(`</${verbatim}`, i);
        if (close === -1) {
          out += part.slice(i);
          break;
        }
        out += part.slice(i, close);
        i = close;
        verbatim = null;
        continue;
      }
      if (/\s/.test(char)) {
        let end = i;
        while (end < part.length && /\s/.test(part[end]!)) end += 1;
        const run = part.slice(i, end);
        out += run.includes('\n') ? '\n' : run;
        i = end;
        continue;
      }
      if (state === 'text' && part.startsWith('<!--', i)) {
        state = 'comment';
        out += '<!--';
        i += 4;
        continue;
      }
      if (state === 'text' && char === '<' && /[a-zA-Z/]/.test(part[i + 1] ?? '')) {
        const name = /^<\/?([a-zA-Z][\w-]*)/.exec(part.slice(i))?.[1]?.toLowerCase();
        const opening = part[i + 1] !== '/';
        state = 'tag';
        if (opening && name !== undefined && VERBATIM_ELEMENTS.has(name)) verbatim = name;
        out += char;
        i += 1;
        continue;
      }
      if (state === 'tag' && (char === '"' || char === "'")) quote = char;
      else if (state === 'tag' && char === '>') state = 'text';
      out += char;
      i += 1;
    }
    return out;
  });
}

/**
 * The static parts of one CSS template, compacted: comments out (their line breaks kept), indentation
 * and the spaces the grammar does not need taken out, strings kept as written.
 */
export function minifyCss(parts: readonly string[]): string[] {
  return parts.map((part) =>
    part
      // Strings and comments first, so nothing inside a string is touched.
      .split(/("(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|\/\*[\s\S]*?\*\/)/)
      .map((piece, index) => {
        if (index % 2 === 1) return piece.startsWith('/*') ? piece.replace(/[^\n]/g, '') : piece;
        return piece
          .replace(/[ \t]*\n\s*/g, '\n')
          .replace(/[ \t]*([{};,>])[ \t]*/g, '$1')
          .replace(/:[ \t]+/g, ':')
          .replace(/;(\s*)\}/g, '$1}');
      })
      .join(''),
  );
}

/** Which template literals of a module are markup and which are CSS. */
export interface TemplateKinds {
  /** Every template literal of the module is CSS (the style sheet's modules). */
  readonly css: boolean;
}

/**
 * A module's source with its Lit `html`/`svg`/`css` templates (and, in a style module, every template
 * literal) minified; `null` when nothing changed. Offsets and line breaks outside the templates are
 * untouched.
 */
export function minifyTemplates(code: string, id: string, kinds: TemplateKinds): string | null {
  const { program, errors } = parseSync(id, code);
  if (errors.length > 0) return null;
  const edits: { start: number; end: number; text: string }[] = [];
  const rewrite = (quasis: readonly { start: number; value: { raw: string } }[], minify: (parts: readonly string[]) => string[]): void => {
    const raws = quasis.map((quasi) => quasi.value.raw);
    const minified = minify(raws);
    quasis.forEach((quasi, index) => {
      // oxc's span of a template element includes the backtick or `}` before it.
      const start = quasi.start + 1;
      const end = start + raws[index]!.length;
      if (code.slice(start, end) !== raws[index]) throw new Error(`minify-templates: ${id} at ${start}: spans differ from the source`);
      if (minified[index] !== raws[index]) edits.push({ start, end, text: minified[index]! });
    });
  };
  const tagged = new Set<unknown>();
  new Visitor({
    TaggedTemplateExpression(node) {
      const tag = node.tag.type === 'Identifier' ? node.tag.name : '';
      if (tag === 'html' || tag === 'svg') rewrite(node.quasi.quasis, minifyHtml);
      else if (tag === 'css') rewrite(node.quasi.quasis, minifyCss);
      tagged.add(node.quasi);
    },
    TemplateLiteral(node) {
      if (kinds.css && !tagged.has(node)) rewrite(node.quasis, minifyCss);
    },
  }).visit(program);
  if (edits.length === 0) return null;
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const edit of edits) out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
  return out;
}
