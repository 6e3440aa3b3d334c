export type LogoProps = {
  /** Logo for light backgrounds. */
  src: string;
  /** Logo for dark mode; the light one is used when there is none. */
  darkSrc?: string;
  /** The organisation or app name, for people who cannot see the image. */
  alt: string;
};

/**
 * An operator's or app's logo, switching with the colour scheme without JavaScript.
 * A plain <img>: logos are arbitrary URLs from branding settings, which next/image
 * would need to know in advance (remotePatterns).
 */
export function Logo({ src, darkSrc, alt }: LogoProps) {
  return (
    <picture>
      {darkSrc ? <source srcSet={darkSrc} media="(prefers-color-scheme: dark)" /> : null}
      <img src={src} alt={alt} className="h-10 w-auto max-w-[200px] object-contain" />
    </picture>
  );
}

/** Sesame's own mark (a keyhole on the brand colour), shown when no logo is configured. */
export function SesameMark({ label }: { label: string }) {
  return (
    <svg viewBox="0 0 40 40" role="img" aria-label={label} className="size-11">
      <rect width="40" height="40" rx="11" className="fill-brand" />
      <circle cx="20" cy="16.5" r="5" className="fill-brand-contrast" />
      <path d="M17.6 19.5h4.8l1.6 10a1 1 0 0 1-1 1.15h-6a1 1 0 0 1-1-1.15Z" className="fill-brand-contrast" />
    </svg>
  );
}
