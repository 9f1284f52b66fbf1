// `npm run manifest` (cem analyze) reads this. Besides what the analyzer finds in the element's JSDoc,
// the manifest carries two things written once elsewhere: each CSS custom property's default (light
// theme, and `darkDefault` for the dark theme, from the TOKENS and SHAPES tables of
// src/element/theme.ts) and the stable class hooks (`cssClasses`, from the `@cssclass` tags of
// src/element/styles.ts).
import { readFileSync } from 'node:fs';

const SOURCES = ['src/element/theme.ts', 'src/element/styles.ts'];
const PREFIX = '--lead-capture-';

/** The value of an object literal of strings (nested objects allowed), as written in the source. */
function literal(ts, node) {
  if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) return literal(ts, node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (!ts.isObjectLiteralExpression(node)) throw new Error(`expected a literal, found ${ts.SyntaxKind[node.kind]} at ${node.getText()}`);
  return Object.fromEntries(node.properties.map((property) => [property.name.text, literal(ts, property.initializer)]));
}

/** TOKENS, SHAPES and the `@cssclass` tags, wherever they are in SOURCES. */
function readStyles(ts) {
  const tables = {};
  const hooks = [];
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && ['TOKENS', 'SHAPES'].includes(node.name.text)) {
      tables[node.name.text] = literal(ts, node.initializer);
    }
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== 'cssclass') continue;
      const [, name, description] = /^(\S+)\s+-\s+([\s\S]*)$/.exec(ts.getTextOfJSDocComment(tag.comment) ?? '') ?? [];
      if (!name) throw new Error('write @cssclass as "lc-name - what it is"');
      if (!hooks.some((hook) => hook.name === name)) hooks.push({ name, description: description.replace(/\s+/g, ' ').trim() });
    }
    ts.forEachChild(node, visit);
  };
  for (const file of SOURCES) visit(ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true));
  if (!tables.TOKENS || !tables.SHAPES) throw new Error(`TOKENS or SHAPES not found in ${SOURCES.join(', ')}`);
  return { ...tables, hooks };
}

function stylesReference() {
  let styles;
  return {
    name: 'lead-capture-styles-reference',
    initialize({ ts }) {
      styles = readStyles(ts);
    },
    packageLinkPhase({ customElementsManifest }) {
      const { TOKENS, SHAPES, hooks } = styles;
      for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
        if (declaration.tagName !== 'lead-capture') continue;
        for (const property of declaration.cssProperties ?? []) {
          const name = property.name.slice(PREFIX.length);
          const light = SHAPES[name] ?? TOKENS.light[name];
          if (light === undefined) throw new Error(`${property.name} is documented but has no default in TOKENS or SHAPES`);
          property.default = light;
          if (TOKENS.dark[name] !== undefined) property.darkDefault = TOKENS.dark[name];
        }
        declaration.cssClasses = hooks;
      }
    },
  };
}

export default {
  globs: ['src/element/lead-capture.ts', 'src/element/lead-capture-properties.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  // package.json's `customElements` is written by hand: a check run with another --outdir (the docs
  // test) must not point it elsewhere.
  packagejson: false,
  plugins: [stylesReference()],
};
