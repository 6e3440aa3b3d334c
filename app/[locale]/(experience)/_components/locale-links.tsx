import { useLocale } from 'next-intl';
import { Link } from '@/lib/i18n/navigation';
import { locales, type Locale } from '@/lib/i18n/routing';

/** Each language names itself, so a person who cannot read the current one still finds theirs. */
const LANGUAGE_NAMES: Record<Locale, string> = { en: 'English', ko: '한국어' };

/** Plain links (no script needed) to the same screen in each language. */
export function LocaleLinks({ pathname, label }: { pathname: string; label: string }) {
  const current = useLocale();
  return (
    <nav aria-label={label}>
      <ul className="flex gap-3">
        {locales.map((locale) => (
          <li key={locale}>
            <Link
              href={pathname}
              locale={locale}
              lang={locale}
              aria-current={locale === current ? 'true' : undefined}
              className="rounded underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand aria-[current=true]:font-medium aria-[current=true]:text-zinc-900 dark:aria-[current=true]:text-zinc-100"
            >
              {LANGUAGE_NAMES[locale]}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
