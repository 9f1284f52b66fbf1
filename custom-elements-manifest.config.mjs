// `npm run manifest` (cem analyze) reads this. Besides what the analyzer finds in the element's JSDoc,
// the manifest carries two things that live in src/element/styles.ts, so they are written once:
// each CSS custom property's default (light theme, and `darkDefault` for the dark theme, from the
// TOKENS and SHAPES tables) and the stable class hooks (`cssClasses`, from `@cssclass` tags).
import { readFileSync } from 'node:fs';

const STYLES = 'src/element/styles.ts';
const PREFIX = '--lead-capture-';

/** The value of an object literal of strings (nested objects allowed), as written in the source. */
function literal(ts, node) {
  if (ts.isAsExpression(node) || ts.isParenthesizedExpression(node)) return literal(ts, node.expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (!ts.isObjectLiteralExpression(node)) throw new Error(`${STYLES}: expected a literal, found ${ts.SyntaxKind[node.kind]}`);
  return Object.fromEntries(node.properties.map((property) => [property.name.text, literal(ts, property.initializer)]));
}

/** TOKENS, SHAPES and the `@cssclass` tags of styles.ts. */
function readStyles(ts) {
  const source = ts.createSourceFile(STYLES, readFileSync(STYLES, 'utf8'), ts.ScriptTarget.Latest, true);
  const tables = {};
  const hooks = [];
  const visit = (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && ['TOKENS', 'SHAPES'].includes(node.name.text)) {
      tables[node.name.text] = literal(ts, node.initializer);
    }
    for (const tag of ts.getJSDocTags(node)) {
      if (tag.tagName.text !== 'cssclass') continue;
      const [, name, description] = /^(\S+)\s+-\s+([\s\S]*)$/.exec(ts.getTextOfJSDocComment(tag.comment) ?? '') ?? [];
      if (!name) throw new Error(`${STYLES}: write @cssclass as "lc-name - what it is"`);
      if (!hooks.some((hook) => hook.name === name)) hooks.push({ name, description: description.replace(/\s+/g, ' ').trim() });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  if (!tables.TOKENS || !tables.SHAPES) throw new Error(`${STYLES}: TOKENS or SHAPES not found`);
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
          if (light === undefined) throw new Error(`${property.name} is documented but has no default in ${STYLES}`);
          property.default = light;
          if (TOKENS.dark[name] !== undefined) property.darkDefault = TOKENS.dark[name];
        }
        declaration.cssClasses = hooks;
      }
    },
  };
}

export default {
  globs: ['src/element/lead-capture.ts', 'src/define.ts'],
  outdir: '.',
  litelement: true,
  plugins: [stylesReference()],
};
