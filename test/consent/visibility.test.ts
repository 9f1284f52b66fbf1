import { expect, fixture, html } from '@open-wc/testing';
import { consentVisibilityProblems, describeProblems, type ConsentParts } from '../../src/consent/visibility.js';

const DISCLOSURE = 'By clicking Submit I agree that ACME may call me at the number above using automated technology.';

/** A consent block as a page might style it: the wrapper, the disclosure label and the box. */
async function block(styles: { label?: string; box?: string; wrapper?: string; page?: string; link?: string } = {}): Promise<ConsentParts> {
  const page = await fixture<HTMLElement>(html`<div style=${styles.page ?? ''}>
    <div style=${styles.wrapper ?? ''}>
      <input type="checkbox" id="agree" style=${styles.box ?? ''} />
      <label for="agree" style=${styles.label ?? ''}>${DISCLOSURE} <a href="/terms" style=${styles.link ?? ''}>Terms</a></label>
    </div>
  </div>`);
  return { disclosure: [page.querySelector('label')!], boxes: [page.querySelector('input')!] };
}

/** The rules broken, as `part rule` strings, in order. */
async function broken(styles: Parameters<typeof block>[0]): Promise<string[]> {
  return consentVisibilityProblems(await block(styles)).map((problem) => `${problem.part} ${problem.rule}`);
}

describe('consentVisibilityProblems: consent that was never visible is not consent', () => {
  it('finds nothing wrong with a plain disclosure and box', async () => {
    expect(await broken({})).to.deep.equal([]);
  });

  it('passes light text on a dark page, and 12px text exactly', async () => {
    expect(await broken({ page: 'background: #0d1117; color: #e6edf3', link: 'color: #58a6ff', label: 'font-size: 12px' })).to.deep.equal([]);
  });

  it('judges every piece of the text: a default blue link on a dark page is too faint', async () => {
    expect(await broken({ page: 'background: #0d1117; color: #e6edf3' })).to.deep.equal(['disclosure contrast']);
  });

  describe('rendered', () => {
    it('refuses a label hidden with display: none !important', async () => {
      expect(await broken({ label: 'display: none !important' })).to.deep.equal(['disclosure rendered']);
    });

    it('refuses visibility: hidden and opacity: 0 on an ancestor', async () => {
      expect(await broken({ wrapper: 'visibility: hidden' })).to.deep.equal(['disclosure rendered', 'box rendered']);
      expect(await broken({ wrapper: 'opacity: 0' })).to.deep.equal(['disclosure rendered', 'box rendered']);
    });

    it('refuses a disclosure inside a closed <details>', async () => {
      const page = await fixture<HTMLElement>(html`<div>
        <details><summary>Terms</summary><label for="b">${DISCLOSURE}</label></details><input id="b" type="checkbox" />
      </div>`);
      const problems = consentVisibilityProblems({ disclosure: [page.querySelector('label')!], boxes: [page.querySelector('input')!] });
      expect(problems.map((problem) => problem.rule)).to.deep.equal(['rendered']);
    });

    it('refuses font-size: 0 and an empty disclosure', async () => {
      expect(await broken({ label: 'font-size: 0' })).to.deep.equal(['disclosure rendered']);
      const empty = document.createElement('label');
      const box = (await block()).boxes;
      expect(consentVisibilityProblems({ disclosure: [empty], boxes: box }).map((problem) => problem.rule)).to.deep.equal(['rendered']);
    });

    it('refuses a hidden box', async () => {
      expect(await broken({ box: 'display: none' })).to.deep.equal(['box rendered']);
    });
  });

  describe('on-screen', () => {
    it('refuses a disclosure moved off the page', async () => {
      expect(await broken({ label: 'position: absolute; left: -9999px' })).to.deep.equal(['disclosure on-screen']);
    });

    it('refuses text pushed out of its own box by text-indent', async () => {
      expect(await broken({ label: 'display: block; overflow: hidden; text-indent: -9999px; white-space: nowrap' })).to.deep.equal([
        'disclosure on-screen',
      ]);
    });

    it('refuses the visually-hidden idiom (1px, overflow hidden, clip-path inset(50%))', async () => {
      const idiom = 'position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap';
      expect(await broken({ label: idiom })).to.deep.equal(['disclosure on-screen']);
    });

    it('refuses a disclosure in a box of height 0 with overflow hidden', async () => {
      expect(await broken({ wrapper: 'height: 0; overflow: hidden' })).to.deep.equal(['disclosure on-screen', 'box on-screen']);
    });

    it('accepts a long disclosure in a box the person can scroll', async () => {
      expect(await broken({ wrapper: 'height: 40px; overflow: auto' })).to.deep.equal([]);
    });
  });

  describe('font-size and box-size', () => {
    it('refuses text under 12px, as set or as shrunk by a transform', async () => {
      expect(await broken({ label: 'font-size: 11px' })).to.deep.equal(['disclosure font-size']);
      expect(await broken({ wrapper: 'transform: scale(0.5); transform-origin: 0 0' })).to.deep.equal(['disclosure font-size', 'box box-size']);
    });

    it('refuses a box smaller than 12px by 12px', async () => {
      expect(await broken({ box: 'width: 8px; height: 8px' })).to.deep.equal(['box box-size']);
    });
  });

  describe('contrast', () => {
    it('refuses text in the background colour, transparent text and light grey on white', async () => {
      expect(await broken({ label: 'color: #fff' })).to.deep.equal(['disclosure contrast']);
      expect(await broken({ label: 'color: transparent' })).to.deep.equal(['disclosure contrast']);
      expect(await broken({ label: 'color: #cccccc' })).to.deep.equal(['disclosure contrast']);
    });

    it('refuses faint text made by opacity', async () => {
      expect(await broken({ label: 'opacity: 0.2' })).to.deep.equal(['disclosure contrast']);
    });

    it('accepts 3.5:1 for large text but not for body text', async () => {
      // #8a8a8a on white is about 3.5:1.
      expect(await broken({ label: 'color: #8a8a8a; font-size: 24px' })).to.deep.equal([]);
      expect(await broken({ label: 'color: #8a8a8a' })).to.deep.equal(['disclosure contrast']);
    });

    it('reads colours written in any syntax (oklch) from the computed style', async () => {
      expect(await broken({ label: 'color: oklch(0.98 0 0)' })).to.deep.equal(['disclosure contrast']);
      expect(await broken({ label: 'color: oklch(0.2 0 0)' })).to.deep.equal([]);
    });

    it('does not judge contrast over a background image, which it cannot know', async () => {
      expect(await broken({ wrapper: 'background-image: linear-gradient(#fff, #fff)', label: 'color: #fff' })).to.deep.equal([]);
    });

    it('refuses a styled box (appearance: none) drawn in the background colour', async () => {
      expect(await broken({ box: 'appearance: none; width: 20px; height: 20px; border: 1px solid #fff; background: #fff' })).to.deep.equal([
        'box contrast',
      ]);
      expect(await broken({ box: 'appearance: none; width: 20px; height: 20px; border: 2px solid #333; background: #fff' })).to.deep.equal([]);
    });

    it('refuses a native box faded to near nothing', async () => {
      expect(await broken({ box: 'opacity: 0.1' })).to.deep.equal(['box contrast']);
    });
  });

  it('describes each problem with its rule for the console', async () => {
    const text = describeProblems(consentVisibilityProblems(await block({ label: 'font-size: 10px; color: #ddd' })));
    expect(text).to.contain('font-size: the disclosure text must be at least 12px as displayed (the disclosure: font-size 10px)');
    expect(text).to.match(/contrast: .* \(the disclosure: contrast 1\.\d:1\)/);
  });
});

describe('consentVisibilityProblems on the widget as it ships', () => {
  for (const theme of ['light', 'dark']) {
    for (const sellers of ['ACME Insurance', 'ACME Insurance; Beta Loans']) {
      it(`finds the ${theme} theme's consent block visible with ${sellers.includes(';') ? 'several sellers' : 'one seller'}`, async () => {
        await import('../../src/define.js');
        const element = await fixture<HTMLElement>(
          html`<lead-capture theme=${theme} fields="email" sellers=${sellers} consent="I agree that {sellers} may call me."></lead-capture>`,
        );
        const parts = {
          disclosure: [...element.querySelectorAll('.lc-consent-text, .lc-seller')],
          boxes: [...element.querySelectorAll<HTMLInputElement>('input[name="consent"]')],
        };
        expect(parts.boxes.length).to.be.greaterThan(0);
        expect(consentVisibilityProblems(parts)).to.deep.equal([]);
      });
    }
  }
});
