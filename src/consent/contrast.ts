/**
 * Colour arithmetic for "clear and conspicuous": WCAG 2.2's relative luminance and contrast ratio
 * (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio), and alpha compositing for colours that are
 * partly transparent. Pure: the DOM side (visibility.ts) reads the computed colours and passes them in.
 */

/** sRGB channels 0–255 and alpha 0–1, as `getComputedStyle` reports colours. */
export interface Rgba {
  readonly r: number;
  readonly g: number;
  readonly b: number;
  readonly a: number;
}

export const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?%?`;
const RGB = new RegExp(String.raw`^rgba?\(\s*(${NUMBER})[\s,]+(${NUMBER})[\s,]+(${NUMBER})(?:\s*[,/]\s*(${NUMBER}))?\s*\)$`, 'i');
const SRGB = new RegExp(String.raw`^color\(\s*srgb\s+(${NUMBER})\s+(${NUMBER})\s+(${NUMBER})(?:\s*/\s*(${NUMBER}))?\s*\)$`, 'i');

function channel(text: string, scale: number): number {
  return text.endsWith('%') ? (parseFloat(text) / 100) * scale : parseFloat(text);
}

function alpha(text: string | undefined): number {
  if (text === undefined) return 1;
  return Math.min(1, Math.max(0, text.endsWith('%') ? parseFloat(text) / 100 : parseFloat(text)));
}

/**
 * Reads the colour forms a browser's computed style gives for sRGB colours: `rgb()`/`rgba()` (comma or
 * space syntax), `color(srgb …)`, `#rgb[a]`/`#rrggbb[aa]` and `transparent`. Anything else (oklch, lab,
 * a system colour) is undefined: the caller resolves it another way.
 */
export function parseColour(css: string): Rgba | undefined {
  const text = css.trim().toLowerCase();
  if (text === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  const rgb = RGB.exec(text);
  if (rgb) return { r: channel(rgb[1] ?? '0', 255), g: channel(rgb[2] ?? '0', 255), b: channel(rgb[3] ?? '0', 255), a: alpha(rgb[4]) };
  const srgb = SRGB.exec(text);
  if (srgb) {
    const unit = (value: string | undefined) => channel(value ?? '0', 1) * 255;
    return { r: unit(srgb[1]), g: unit(srgb[2]), b: unit(srgb[3]), a: alpha(srgb[4]) };
  }
  const hex = /^#([\da-f]{3,4}|[\da-f]{6}|[\da-f]{8})$/.exec(text)?.[1];
  if (hex === undefined) return undefined;
  const pairs = hex.length <= 4 ? [...hex].map((digit) => digit + digit) : (hex.match(/../g) ?? []);
  const [r = 0, g = 0, b = 0, a = 255] = pairs.map((pair) => parseInt(pair, 16));
  return { r, g, b, a: a / 255 };
}

/** `top` painted over `bottom` (source-over), as the screen shows it. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const a = top.a + bottom.a * (1 - top.a);
  if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
  const mix = (front: number, back: number) => (front * top.a + back * bottom.a * (1 - top.a)) / a;
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a };
}

/** The colour with its alpha multiplied, as `opacity` on it or an ancestor does. */
export function faded(colour: Rgba, opacity: number): Rgba {
  return { ...colour, a: colour.a * opacity };
}

/** WCAG relative luminance of an opaque sRGB colour. */
export function relativeLuminance({ r, g, b }: Rgba): number {
  const linear = (value: number) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of a foreground over an opaque background, from 1 to 21. */
export function contrastRatio(foreground: Rgba, background: Rgba): number {
  const front = relativeLuminance(over(foreground, background));
  const back = relativeLuminance(background);
  return (Math.max(front, back) + 0.05) / (Math.min(front, back) + 0.05);
}
