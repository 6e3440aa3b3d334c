'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useSearchParams } from 'next/navigation';
import { Suspense } from 'react';
import { Link, usePathname } from '@/lib/i18n/navigation';
import { locales } from '@/lib/i18n/routing';

/**
 * Plain links to this page in every language, so switching works without JavaScript.
 * next-intl prefixes a link that changes the locale (`/en/...` too), and its
 * middleware stores the choice in the NEXT_LOCALE cookie on that request before
 * redirecting to the canonical URL: later visits without a prefix keep the language.
 */
export function LocaleSwitcher() {
  return (
    // The query is only known per request; a statically rendered page gets links without it.
    <Suspense fallback={<LocaleLinks search="" />}>
      <LocaleLinksWithQuery />
    </Suspense>
  );
}

function LocaleLinksWithQuery() {
  return <LocaleLinks search={useSearchParams().toString()} />;
}

function LocaleLinks({ search }: { search: string }) {
  const t = useTranslations('LocaleSwitcher');
  const current = useLocale();
  const pathname = usePathname();
  const href = search ? `${pathname}?${search}` : pathname;
  return (
    <nav aria-label={t('label')} className="flex items-center gap-2">
      <GlobeIcon />
      <ul className="flex items-center gap-1">
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={href}
              locale={locale}
              lang={locale}
              aria-current={locale === current ? 'true' : undefined}
              className="rounded-md px-2 py-1.5 text-zinc-600 hover:bg-zinc-200/60 hover:text-zinc-900 focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-brand-link aria-[current]:font-semibold aria-[current]:text-zinc-900 dark:text-zinc-400 dark:hover:bg-zinc-800 dark:hover:text-zinc-100 dark:aria-[current]:text-zinc-100"
            >
              {nativeName(locale)}
            </Link>
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
