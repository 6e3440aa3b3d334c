import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { brandStyle } from '@/lib/ui/brand';
import { LocaleSwitcher } from '../locale-switcher';
import { Card } from './card';
import { SesameMark } from './logo';

export type LegalLinks = { termsUrl?: string; privacyUrl?: string };
/** The operator's support address and help website. */
export type HelpLinks = { email?: string; url?: string };

export type PageFrameProps = {
  /** The page's one h1 ("Sign in to Acme"). */
  title: ReactNode;
  /** At most one line of help under the title. */
  description?: ReactNode;
  /** The operator's or app's <Logo>; Sesame's mark when absent. */
  logo?: ReactNode;
  /** Hex colour for buttons, links and focus rings; text on it is chosen for contrast. */
  brandColor?: string;
  /** The brand colour in dark mode; `brandColor` when absent. */
  darkBrandColor?: string;
  /** The operator's terms and privacy pages, shown in the footer when set. */
  legal?: LegalLinks;
  /** "Contact support" and "Help" in the footer, when set. */
  help?: HelpLinks;
  /** "Powered by Sesame" under the footer; the operator may hide it. */
  poweredBy?: boolean;
  /** `wide` for pages that show data rather than a form (the landing page). */
  size?: 'default' | 'wide';
  children?: ReactNode;
};

const widths = { default: 'sm:max-w-[400px]', wide: 'sm:max-w-[560px]' } as const;

/**
 * The frame of every page a person sees (DESIGN.md "Frame"): one centred card on a
 * quiet background, edge to edge on phones, with the locale switcher, legal links
 * and "Powered by Sesame" below. Works in server and client components (error pages).
 * The `sesame-*` class names are stable hooks for the operator's stylesheet (`customCss`).
 */
export function PageFrame({ title, description, logo, brandColor, darkBrandColor, legal, help, poweredBy = true, size = 'default', children }: PageFrameProps) {
  const t = useTranslations('Common');
  const width = widths[size];
  return (
    <div
      style={brandStyle(brandColor, darkBrandColor)}
      className="sesame-page flex min-h-dvh flex-col items-center bg-white dark:bg-zinc-900 sm:justify-center sm:bg-zinc-50 sm:px-6 sm:py-12 dark:sm:bg-zinc-950"
    >
      <main className={`sesame-main w-full flex-1 sm:flex-none ${width}`}>
        <Card fullBleedOnMobile className="sesame-card">
          <header className="sesame-header flex flex-col items-center text-center">
            <div className="sesame-logo mb-6">{logo ?? <SesameMark label={t('product')} />}</div>
            <h1 className="sesame-title text-2xl font-semibold tracking-tight text-balance text-zinc-950 dark:text-white">{title}</h1>
            {description ? (
              <p className="sesame-description mt-2 text-pretty text-zinc-600 dark:text-zinc-400">{description}</p>
            ) : null}
          </header>
          {children ? <div className="sesame-content mt-8">{children}</div> : null}
        </Card>
      </main>
      <footer className={`sesame-footer w-full px-6 pt-2 pb-6 text-sm sm:px-1 sm:pt-5 sm:pb-0 ${width}`}>
        <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
          <LocaleSwitcher />
          <FooterLinks legal={legal} help={help} />
        </div>
        {poweredBy ? <p className="sesame-powered-by mt-4 text-center text-xs text-zinc-500 dark:text-zinc-400">{t('poweredBy', { product: t('product') })}</p> : null}
      </footer>
    </div>
  );
}

function FooterLinks({ legal, help }: { legal?: LegalLinks; help?: HelpLinks }) {
  const t = useTranslations('Common');
  const links = [
    legal?.termsUrl ? { href: legal.termsUrl, label: t('terms') } : null,
    legal?.privacyUrl ? { href: legal.privacyUrl, label: t('privacy') } : null,
    help?.url ? { href: help.url, label: t('help') } : null,
    help?.email ? { href: `mailto:${help.email}`, label: t('contactSupport') } : null,
  ].filter((link) => link !== null);
  if (links.length === 0) return null;
  return (
    <ul className="flex flex-wrap items-center gap-x-4 gap-y-1">
      {links.map((link) => (
        <li key={link.href}>
          <a
            href={link.href}
            className="rounded-sm text-zinc-600 underline-offset-4 hover:text-zinc-900 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-link dark:text-zinc-400 dark:hover:text-zinc-100"
          >
            {link.label}
          </a>
        </li>
      ))}
    </ul>
  );
}
