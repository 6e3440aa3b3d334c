import type { CSSProperties } from 'react';
import { isHexColor, parseHex, readableTextOn, toHex, withContrastOn } from './contrast';

/** Sesame's own indigo, used until the operator configures a brand colour. */
export const defaultBrandColor = '#4f46e5';

// The lightest and darkest surfaces brand-coloured text sits on (Tailwind zinc-100
// and zinc-800): links that pass there pass on every card and panel of the theme.
const lightSurface = '#f4f4f5';
const darkSurface = '#27272a';

/**
 * CSS variables for a brand colour, read by the `brand`, `brand-contrast` and
 * `brand-link` Tailwind colours (app/globals.css). Text on the brand colour and
 * brand-coloured links are derived here so they keep 4.5:1 whatever the operator picks.
 */
export function brandStyle(color: string = defaultBrandColor, darkColor?: string): CSSProperties {
  // Branding is validated when it is saved; a bad value that slips through must not
  // break the sign-in page, so it falls back to Sesame's colour here.
  const brand = isHexColor(color) ? toHex(parseHex(color)) : defaultBrandColor;
  // The operator's dark-mode colour (Logto's `darkPrimaryColor`) fills buttons in dark mode.
  const dark = darkColor && isHexColor(darkColor) ? toHex(parseHex(darkColor)) : brand;
  return {
    '--brand-color': brand,
    '--brand-contrast': readableTextOn(brand),
    '--brand-color-dark': dark,
    '--brand-contrast-dark': readableTextOn(dark),
    '--brand-link-light': withContrastOn(brand, lightSurface),
    '--brand-link-dark': withContrastOn(dark, darkSurface),
  } as CSSProperties;
}
