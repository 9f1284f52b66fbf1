/**
 * Colour arithmetic for the accent a marketer picks, from WCAG 2.2's definitions of relative
 * luminance and contrast ratio (https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio).
 */

/** `#rrggbb` → [r, g, b] in 0–255; undefined for anything else. */
export function parseHex(colour: string): [number, number, number] | undefined {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  if (!match) return undefined;
  return [parseInt(match[1]!, 16), parseInt(match[2]!, 16), parseInt(match[3]!, 16)];
}

function luminance(colour: string): number {
  const [r, g, b] = (parseHex(colour) ?? [0, 0, 0]).map((channel) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** The button text for an accent: white or the dark theme's near-black, whichever reads better. */
export function textOn(accent: string): '#ffffff' | '#0d1117' {
  return contrastRatio(accent, '#ffffff') >= contrastRatio(accent, '#0d1117') ? '#ffffff' : '#0d1117';
}
