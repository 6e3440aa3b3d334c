'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { createContext, Suspense, useContext } from 'react';
import { usePathname } from '@/lib/i18n/navigation';
import { locales } from '@/lib/i18n/routing';

/**
 * The current path (without its locale prefix, with its query) where the App Router's hooks
 * cannot tell it: the experience pages (Pages Router, pages/_app.tsx) provide it from the request.
 */
export const CurrentPathContext = createContext<string | undefined>(undefined);

/**
 * Plain links to this page in every language, so switching works without JavaScript.
 * Each link is prefixed (`/en/...` too), and next-intl's middleware stores the choice in the NEXT_LOCALE cookie on that request before
 * redirecting to the canonical URL: later visits without a prefix keep the language.
 */
export function LocaleSwitcher() {
  const known = useContext(CurrentPathContext);
  if (known !== undefined) return <LocaleLinks href={known} />;
  return (
    // The query is only known per request; a statically rendered page gets links without it.
    <Suspense fallback={<LocaleLinksOnPath search="" />}>
      <LocaleLinksWithQuery />
    </Suspense>
  );
}

function LocaleLinksWithQuery() {
  return <LocaleLinksOnPath search={useSearchParams()?.toString() ?? ''} />;
}

function LocaleLinksOnPath({ search }: { search: string }) {
  const pathname = usePathname();
  return <LocaleLinks href={search ? `${pathname}?${search}` : pathname} />;
}

/** `href`: the page's path without a locale prefix; every link carries one (`/en/...` too). */
function LocaleLinks({ href }: { href: string }) {
  const t = useTranslations('LocaleSwitcher');
  const current = useLocale();
  return (
    <nav aria-label={t('label')} className="flex items-center gap-2">
      <GlobeIcon />
      <ul className="flex items-center gap-1">
        {locales.map((locale) => (
          <li key={locale}>
            <a
              href={`/${locale}${href.replace(/^\/(?=\?|$)/, '')}`}
              lang={locale}
              aria-current={locale === current ? 'true' : undefined}
              className="rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-link aria-[current]:font-semibold aria-[current]:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-[current]:text-zinc-100"
            >
              {nativeName(locale)}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Each language in its own words ("English", "한국어"), from the runtime's CLDR data. */
function nativeName(locale: string): string {
  return new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
}

function GlobeIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true" className="size-4 shrink-0 text-zinc-500 dark:text-zinc-400">
      <circle cx="10" cy="10" r="7.5" />
      <path d="M2.5 10h15M10 2.5c2 2.1 3 4.6 3 7.5s-1 5.4-3 7.5c-2-2.1-3-4.6-3-7.5s1-5.4 3-7.5Z" />
    </svg>
  );
}
