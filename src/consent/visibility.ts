import { contrastRatio, faded, over, parseColour, WHITE, type Rgba } from './contrast.js';

/**
 * "Consent that was never visible is not consent." TCPA consent must be clear and conspicuous: a
 * disclosure hidden by the page's CSS (`label { display: none !important }`), shrunk, pushed off the
 * page or painted in the background's colour was never shown, so no record may say it was. At submit
 * the element asks this module whether the disclosure and its boxes are rendered, visible, at least
 * 12 px and of sufficient contrast, reading only computed styles and layout (no screenshots).
 *
 * Contrast follows WCAG 2.2 AA: 4.5:1 for text (3:1 for large text, 1.4.3) and 3:1 for the box
 * (1.4.11). Where a background image lies behind the text the contrast cannot be computed and is not
 * held against the page (the other rules still apply).
 */

/** The rules, named as the console error names them. */
export const CONSENT_RULES = {
  rendered: 'rendered: the disclosure and the box must be displayed (not display:none, visibility:hidden, opacity:0 or empty)',
  'on-screen': 'on-screen: the disclosure and the box must lie on the page, not moved off it or clipped away',
  'font-size': 'font-size: the disclosure text must be at least 12px as displayed',
  'box-size': 'box-size: the box must be at least 12px by 12px as displayed',
  contrast: 'contrast: the disclosure must have a contrast of 4.5:1 with its background (3:1 for large text), the box 3:1',
} as const;

export type ConsentRule = keyof typeof CONSENT_RULES;

export interface VisibilityProblem {
  readonly rule: ConsentRule;
  readonly part: 'disclosure' | 'box';
  /** What was measured, for the console: "font-size 10px", "contrast 1.6:1". */
  readonly detail: string;
}

/** What the person had to see: the disclosure's elements (text, seller names) and the opt-in boxes. */
export interface ConsentParts {
  readonly disclosure: readonly Element[];
  readonly boxes: readonly HTMLInputElement[];
}

export const MIN_TEXT_PX = 12;
export const MIN_BOX_PX = 12;
const TEXT_CONTRAST = 4.5;
const LARGE_TEXT_CONTRAST = 3;
const BOX_CONTRAST = 3;
/** A pixel of slack for sub-pixel layout when comparing rectangles. */
const SLACK = 1;

const VISIBILITY_OPTIONS = { checkOpacity: true, checkVisibilityCSS: true } as const;

/** Chromium's own drawing of an unchecked checkbox (fill, border) in each colour scheme. */
const NATIVE_BOX: Readonly<Record<'light' | 'dark', readonly [Rgba, Rgba]>> = {
  light: [WHITE, { r: 118, g: 118, b: 118, a: 1 }],
  dark: [{ r: 59, g: 59, b: 59, a: 1 }, { r: 133, g: 133, b: 133, a: 1 }],
};

/** Every problem found, at most one per rule and part; an empty list means the consent was shown. */
export function consentVisibilityProblems(parts: ConsentParts): VisibilityProblem[] {
  const problems: VisibilityProblem[] = [];
  const add = (problem: VisibilityProblem | undefined) => {
    if (problem && !problems.some((seen) => seen.rule === problem.rule && seen.part === problem.part)) problems.push(problem);
  };
  const texts = parts.disclosure.flatMap(textNodes);
  if (parts.disclosure.length === 0 || texts.length === 0) add({ rule: 'rendered', part: 'disclosure', detail: 'no disclosure text' });
  for (const text of texts) for (const problem of textProblems(text)) add(problem);
  if (parts.boxes.length === 0) add({ rule: 'rendered', part: 'box', detail: 'no box' });
  for (const box of parts.boxes) for (const problem of boxProblems(box)) add(problem);
  return problems;
}

/** One line per problem, naming the rule: what the console error says. */
export function describeProblems(problems: readonly VisibilityProblem[]): string {
  return problems.map((problem) => `${CONSENT_RULES[problem.rule]} (the ${problem.part}: ${problem.detail})`).join('; ');
}

function textNodes(root: Element): Text[] {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if ((node.textContent ?? '').trim() !== '') found.push(node as Text);
  }
  return found;
}

function textProblems(text: Text): VisibilityProblem[] {
  const element = text.parentElement;
  if (!element || !element.checkVisibility(VISIBILITY_OPTIONS)) return [{ rule: 'rendered', part: 'disclosure', detail: 'not displayed' }];
  const range = element.ownerDocument.createRange();
  range.selectNodeContents(text);
  const rect = range.getBoundingClientRect();
  if (rect.width === 0 || rect.height === 0) return [{ rule: 'rendered', part: 'disclosure', detail: 'no size' }];
  const problems: VisibilityProblem[] = [];
  const placement = placementProblem(element, rect);
  if (placement) problems.push({ rule: 'on-screen', part: 'disclosure', detail: placement });
  const style = getComputedStyle(element);
  const size = parseFloat(style.fontSize) * displayScale(element);
  if (size < MIN_TEXT_PX) problems.push({ rule: 'font-size', part: 'disclosure', detail: `font-size ${round(size)}px` });
  const background = backgroundBehind(element);
  if (background) {
    const colour = readColour(style.getPropertyValue('-webkit-text-fill-color') || style.color);
    const ratio = contrastRatio(faded(colour, opacityOf(element)), background);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    if (ratio < (large ? LARGE_TEXT_CONTRAST : TEXT_CONTRAST)) problems.push({ rule: 'contrast', part: 'disclosure', detail: `contrast ${round(ratio)}:1` });
  }
  return problems;
}

function boxProblems(box: HTMLInputElement): VisibilityProblem[] {
  if (!box.isConnected || !box.checkVisibility(VISIBILITY_OPTIONS)) return [{ rule: 'rendered', part: 'box', detail: 'not displayed' }];
  const rect = box.getBoundingClientRect();
  const problems: VisibilityProblem[] = [];
  if (rect.width < MIN_BOX_PX || rect.height < MIN_BOX_PX) {
    problems.push({ rule: 'box-size', part: 'box', detail: `${round(rect.width)}px by ${round(rect.height)}px` });
  }
  const placement = placementProblem(box, rect);
  if (placement) problems.push({ rule: 'on-screen', part: 'box', detail: placement });
  const background = backgroundBehind(box.parentElement ?? box);
  if (background) {
    const opacity = opacityOf(box);
    const ratio = Math.max(...boxColours(box).map((colour) => contrastRatio(faded(colour, opacity), background)));
    if (ratio < BOX_CONTRAST) problems.push({ rule: 'contrast', part: 'box', detail: `contrast ${round(ratio)}:1` });
  }
  return problems;
}

/** The colours that draw the box's edge and fill: the browser's own, or the page's with `appearance: none`. */
function boxColours(box: HTMLInputElement): Rgba[] {
  const style = getComputedStyle(box);
  if (style.appearance !== 'none') return [...NATIVE_BOX[style.colorScheme.includes('dark') ? 'dark' : 'light']];
  const colours = [readColour(style.backgroundColor)];
  if (parseFloat(style.borderTopWidth) > 0 && style.borderTopStyle !== 'none') colours.push(readColour(style.borderTopColor));
  return colours;
}

/**
 * Why the rectangle is not where a person can see it: moved off the page (to negative coordinates
 * no scroll reaches), or cut away by an element that clips its overflow or a `clip`/`clip-path` inset.
 */
function placementProblem(element: Element, rect: DOMRect): string | undefined {
  const view = element.ownerDocument.defaultView;
  const left = rect.right + (view?.scrollX ?? 0);
  const top = rect.bottom + (view?.scrollY ?? 0);
  if (left <= 0 || top <= 0) return 'outside the page';
  for (let node: Element | null = element; node && node !== element.ownerDocument.documentElement; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (clipsAway(style)) return `clipped by ${describe(node)}`;
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const bounds = node.getBoundingClientRect();
    const clipsX = style.overflowX !== 'visible' && (rect.left < bounds.left - SLACK || rect.right > bounds.right + SLACK);
    const clipsY = style.overflowY !== 'visible' && (rect.top < bounds.top - SLACK || rect.bottom > bounds.bottom + SLACK);
    // A scrolling box shows its content to a person who scrolls it; hidden and clip never do.
    const scrolls = (axis: string) => axis === 'auto' || axis === 'scroll';
    if ((clipsX && !scrolls(style.overflowX)) || (clipsY && !scrolls(style.overflowY))) return `cut off by ${describe(node)}`;
  }
  return undefined;
}

/** `clip: rect(…)` or `clip-path: inset(…)` that leaves less than a line of text showing. */
function clipsAway(style: CSSStyleDeclaration): boolean {
  const clip = /^rect\(([^)]*)\)$/.exec(style.clip)?.[1]?.split(/[\s,]+/).map(parseFloat);
  if (clip && style.position !== 'static') {
    const [top = 0, right = 0, bottom = 0, left = 0] = clip;
    if (right - left < MIN_TEXT_PX || bottom - top < MIN_TEXT_PX) return true;
  }
  const inset = /^inset\(([^)]*)\)/.exec(style.clipPath)?.[1]?.split(' round ')[0]?.trim().split(/\s+/);
  if (!inset) return false;
  const [top = '0', right = top, bottom = top, left = right] = inset;
  const percent = (value: string) => (value.endsWith('%') ? parseFloat(value) : 0);
  // inset(50%), the visually-hidden idiom, meets itself in the middle: nothing is left to see.
  return percent(top) + percent(bottom) >= 99 || percent(left) + percent(right) >= 99;
}

function describe(element: Element): string {
  return `<${element.localName}${element.className && typeof element.className === 'string' ? ` class="${element.className}"` : ''}>`;
}

/** How much transforms shrink or grow the element on screen (scale(0.5) → 0.5). */
function displayScale(element: Element): number {
  if (!(element instanceof HTMLElement) || element.offsetHeight === 0) return 1;
  return element.getBoundingClientRect().height / element.offsetHeight;
}

/** The product of `opacity` on the element and every ancestor. */
function opacityOf(element: Element): number {
  let opacity = 1;
  for (let node: Element | null = element; node; node = node.parentElement) opacity *= Number(getComputedStyle(node).opacity);
  return opacity;
}

/**
 * The opaque colour behind an element: its own and its ancestors' backgrounds composited over the
 * canvas (white), or undefined when a background image is in the way and the colour is unknowable.
 */
function backgroundBehind(element: Element): Rgba | undefined {
  const layers: Rgba[] = [];
  for (let node: Element | null = element; node; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.backgroundImage !== 'none') return undefined;
    const colour = faded(readColour(style.backgroundColor), Number(style.opacity));
    if (colour.a > 0) layers.push(colour);
    if (colour.a >= 1) break;
  }
  return layers.reduceRight((below, layer) => over(layer, below), WHITE);
}

let probe: CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D | null | undefined;

/** A computed colour as sRGB: parsed when it is rgb(), else painted on a 1 px canvas and read back. */
function readColour(css: string): Rgba {
  const parsed = parseColour(css);
  if (parsed) return parsed;
  probe ??= new OffscreenCanvas(1, 1).getContext('2d', { willReadFrequently: true });
  if (!probe) return { r: 0, g: 0, b: 0, a: 1 };
  probe.clearRect(0, 0, 1, 1);
  probe.fillStyle = '#000000';
  probe.fillStyle = css;
  probe.fillRect(0, 0, 1, 1);
  const [r = 0, g = 0, b = 0, a = 255] = probe.getImageData(0, 0, 1, 1).data;
  return { r, g, b, a: a / 255 };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
