import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { LeadCapture } from '../../src/element/lead-capture.js';
import { CSS } from '../../src/element/styles.js';
import { until } from '../helpers/form.js';
import { openPage } from './page-frame.js';

/**
 * The builds minify the widget's templates (scripts/minify-templates.ts, in vite.config.ts): what
 * ships must be the same sheet and the same markup as the source, which every other element test
 * runs. So, unlike the other bundle tests, this one imports `src/`: to hold the bundles to it.
 */

afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

/**
 * The rules as the browser reads them: white space and comments no longer matter here. A value that
 * holds a `var()` is kept as written until the variable is substituted, so the space after a comma
 * there (which CSS never reads) is taken out on both sides.
 */
function rulesOf(sheet: CSSStyleSheet): string[] {
  return [...sheet.cssRules].map((rule) => rule.cssText.replace(/,\s+/g, ','));
}

function widgetSheet(doc: Document): CSSStyleSheet {
  const sheet = doc.adoptedStyleSheets.find((candidate) => candidate.cssRules[0]?.cssText.startsWith('lead-capture:not(#lc-a)'));
  if (sheet === undefined) throw new Error('the widget adopted no sheet');
  return sheet;
}

/**
 * The widget's markup with what differs from one render to the next taken out (Lit's marker comments,
 * the ids made per instance, the page's address and the time in the hidden fields) and each run of white space read as one space, as the browser lays it
 * out.
 */
function markupOf(widget: Element): string {
  return widget.innerHTML
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/lc-\d+-/g, 'lc-N-')
    .replace(/(name="(?:landing_page|page_url|touched_at)" value=)"[^"]*"/g, '$1""')
    .replace(/\s+/g, ' ')
    .replace(/> </g, '><');
}

const source = new CSSStyleSheet();
source.replaceSync(CSS);

for (const [build, page] of [
  ['ES-module', '/test/fixtures/strict-csp.html'],
  ['classic', '/test/fixtures/classic-twice.html'],
] as const) {
  describe(`the ${build} bundle's minified templates`, () => {
    it('adopt the same rules as the source’s sheet', async () => {
      const frame = await openPage(page);
      expect(rulesOf(widgetSheet(frame.contentDocument!))).to.deep.equal(rulesOf(source));
    });

    it('render the same markup as the source, but for white space the browser collapses', async () => {
      const frame = await openPage(page);
      const built = frame.contentDocument!.querySelector<LeadCapture>('lead-capture')!;
      await until(() => built.querySelector('[name="email"]') !== null, 'the fields');
      // With every chunk it loads (tracking's hidden fields come with delivery), as the source's below is.
      await built.updateComplete;
      const own = await fixture<LeadCapture>(html`<div></div>`);
      own.innerHTML = built.outerHTML.replace(/<lead-capture([^>]*)>[\s\S]*<\/lead-capture>/, '<lead-capture$1></lead-capture>');
      const widget = own.querySelector<LeadCapture>('lead-capture')!;
      await widget.updateComplete;
      // Each loads its chunks on its own time (the source's from the test server, module by module): the same once both have.
      await until(() => markupOf(widget) === markupOf(built), 'the same markup', 10000).catch(() => undefined);
      expect(markupOf(widget)).to.equal(markupOf(built));
    });
  });
}
