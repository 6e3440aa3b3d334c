import { useLocale } from 'next-intl';
import type { AnchorHTMLAttributes } from 'react';
import { localizedPath } from '@/lib/i18n/localized-path';
import type { Locale } from '@/lib/i18n/routing';

/** A plain link to another experience page in the current language (`/register`, `/ko/register`). */
export function ExperienceLink({ href, ...props }: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const locale = useLocale() as Locale;
  return <a href={localizedPath(locale, href)} {...props} />;
}
