import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LocaleLinks } from './locale-links';

/**
 * The frame every experience screen shares (DESIGN.md "Frame"): one centered card, full
 * bleed on phones, and a footer with the language links and "Powered by Sesame".
 */
export async function ExperienceFrame({ pathname, children }: { pathname: string; children: ReactNode }) {
  const t = await getTranslations('Experience');
  return (
    // break-keep: Korean wraps between words, not inside them; other scripts are unaffected.
    <div className="flex min-h-dvh flex-col bg-white break-keep wrap-break-word sm:items-center sm:justify-center sm:bg-transparent sm:px-4 sm:py-12 dark:bg-zinc-900 sm:dark:bg-transparent">
      <main className="w-full flex-1 px-6 pt-12 pb-8 sm:max-w-[400px] sm:flex-none sm:rounded-2xl sm:border sm:border-zinc-200 sm:bg-white sm:px-10 sm:py-10 sm:shadow-sm sm:dark:border-zinc-800 sm:dark:bg-zinc-900">
        {children}
      </main>
      <footer className="flex flex-col items-center gap-2 px-6 py-6 text-sm text-zinc-500 dark:text-zinc-400">
        <LocaleLinks pathname={pathname} label={t('language')} />
        <p>{t('poweredBy')}</p>
      </footer>
    </div>
  );
}
