import { expect } from '@open-wc/testing';
import { contrastRatio, faded, over, parseColour, relativeLuminance, WHITE } from '../../src/consent/contrast.js';

const BLACK = { r: 0, g: 0, b: 0, a: 1 };

describe('parseColour: the colour forms computed styles give', () => {
  const cases: readonly (readonly [string, ReturnType<typeof parseColour>])[] = [
    ['rgb(31, 35, 40)', { r: 31, g: 35, b: 40, a: 1 }],
    ['rgba(0, 0, 0, 0)', { r: 0, g: 0, b: 0, a: 0 }],
    ['rgba(255, 255, 255, 0.5)', { r: 255, g: 255, b: 255, a: 0.5 }],
    ['rgb(10 20 30 / 25%)', { r: 10, g: 20, b: 30, a: 0.25 }],
    ['color(srgb 1 0 0.5)', { r: 255, g: 0, b: 127.5, a: 1 }],
    ['color(srgb 0 0 0 / 0.4)', { r: 0, g: 0, b: 0, a: 0.4 }],
    ['#fff', { r: 255, g: 255, b: 255, a: 1 }],
    ['#0a55c280', { r: 10, g: 85, b: 194, a: 128 / 255 }],
    ['transparent', { r: 0, g: 0, b: 0, a: 0 }],
    ['oklch(0.5 0.1 200)', undefined],
    ['canvastext', undefined],
  ];
  for (const [css, expected] of cases) {
    it(`${css} → ${JSON.stringify(expected)}`, () => expect(parseColour(css)).to.deep.equal(expected));
  }
});

describe('contrastRatio: WCAG 2.2 relative luminance and contrast', () => {
  it('gives 21:1 for black on white and 1:1 for a colour on itself', () => {
    expect(contrastRatio(BLACK, WHITE)).to.equal(21);
    expect(contrastRatio(WHITE, WHITE)).to.equal(1);
  });

  it('puts #767676 on white just over the 4.5:1 text threshold, and #777 just under it', () => {
    expect(contrastRatio({ r: 118, g: 118, b: 118, a: 1 }, WHITE)).to.be.within(4.54, 4.55);
    expect(contrastRatio({ r: 119, g: 119, b: 119, a: 1 }, WHITE)).to.be.below(4.5);
  });

  it('is the same either way round', () => {
    const blue = { r: 10, g: 85, b: 194, a: 1 };
    expect(contrastRatio(blue, WHITE)).to.equal(contrastRatio(WHITE, blue));
  });

  it('composites a transparent foreground over the background first: black at 10% on white is faint', () => {
    expect(contrastRatio(faded(BLACK, 0.1), WHITE)).to.be.below(1.3);
    expect(contrastRatio({ ...BLACK, a: 0 }, WHITE)).to.equal(1);
  });

  it('knows the luminance of the primaries', () => {
    expect(relativeLuminance(WHITE)).to.equal(1);
    expect(relativeLuminance({ r: 0, g: 255, b: 0, a: 1 })).to.be.closeTo(0.7152, 1e-9);
  });
});

describe('over: alpha compositing', () => {
  it('paints half-transparent black over white as mid grey', () => {
    expect(over({ ...BLACK, a: 0.5 }, WHITE)).to.deep.equal({ r: 127.5, g: 127.5, b: 127.5, a: 1 });
  });

  it('leaves the bottom colour under a transparent top, and nothing under nothing', () => {
    expect(over({ r: 9, g: 9, b: 9, a: 0 }, WHITE)).to.deep.equal(WHITE);
    expect(over({ ...BLACK, a: 0 }, { ...WHITE, a: 0 }).a).to.equal(0);
  });
});
