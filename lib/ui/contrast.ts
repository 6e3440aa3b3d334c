/**
 * Colour arithmetic for operator branding (WCAG 2.2 definitions). Pure functions,
 * so the same rules run at render time on the server and in unit tests.
 */

export type Rgb = readonly [number, number, number];

const hexPattern = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

export function isHexColor(value: string): boolean {
  return hexPattern.test(value.trim());
}

/** `#abc` or `#aabbcc` (with or without `#`) to 0-255 channels. */
export function parseHex(hex: string): Rgb {
  const match = hexPattern.exec(hex.trim());
  if (!match?.[1]) throw new Error(`not a hex colour: ${hex}`);
  const digits = match[1].length === 3 ? [...match[1]].map((d) => d + d).join('') : match[1];
  const channel = (i: number) => parseInt(digits.slice(i, i + 2), 16);
  return [channel(0), channel(2), channel(4)];
}

export function toHex(rgb: Rgb): string {
  return `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;
}

/** WCAG relative luminance: https://www.w3.org/TR/WCAG22/#dfn-relative-luminance */
export function relativeLuminance(rgb: Rgb): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(rgb[0]) + 0.7152 * linear(rgb[1]) + 0.0722 * linear(rgb[2]);
}

/** WCAG contrast ratio, 1 to 21: https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(parseHex(a));
  const lb = relativeLuminance(parseHex(b));
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

export const white = '#ffffff';
export const black = '#000000';

/**
 * Text colour for a filled background: whichever of white or black contrasts more.
 * Pure black and white (not near-black) matter here: one of them always reaches
 * at least 4.58:1, so any background gets readable text (WCAG 1.4.3 asks 4.5:1).
 */
export function readableTextOn(background: string): typeof white | typeof black {
  return contrastRatio(background, white) >= contrastRatio(background, black) ? white : black;
}

/**
 * The colour itself if it already has `minimum` contrast on `background`, else the
 * smallest step towards white (dark backgrounds) or black (light ones) that does:
 * brand-coloured links stay recognisably the brand's hue but readable in both themes.
 */
export function withContrastOn(color: string, background: string, minimum = 4.5): string {
  const from = parseHex(color);
  const target = parseHex(readableTextOn(background));
  const towards = (a: number, b: number, weight: number) => a + (b - a) * weight;
  const mix = (w: number): Rgb => [towards(from[0], target[0], w), towards(from[1], target[1], w), towards(from[2], target[2], w)];
  // 5 % steps: fine enough to stay close to the brand, and the last step (pure white or black) always passes.
  for (let step = 0; step < 20; step++) {
    const mixed = toHex(mix(step / 20));
    if (contrastRatio(mixed, background) >= minimum) return mixed;
  }
  return toHex(target);
}
