import type { AppProps } from 'next/app';
import { NextIntlClientProvider } from 'next-intl';
import { CurrentPathContext } from '@/app/_components/locale-switcher';
import type { ExperiencePageProps } from '@/app/_experience/server/experience-page';
import '@/app/globals.css';

/**
 * The sign-in experience pages (pages/[locale]/...): plain server-rendered HTML forms with no
 * client runtime (README "Experience pages"). Their components are the same next-intl ones the
 * App Router pages use, given the page's language and messages from `experiencePage`.
 */
export default function ExperienceApp({ Component, pageProps }: AppProps<ExperiencePageProps | Record<string, never>>) {
  // Next's own /404 and /_error pages come without them (unmatched URLs get app/not-found.tsx).
  if (!('locale' in pageProps)) return <Component {...pageProps} />;
  return (
    <NextIntlClientProvider locale={pageProps.locale} messages={pageProps.messages} timeZone="UTC">
      <CurrentPathContext value={pageProps.path}>
        <Component {...pageProps} />
      </CurrentPathContext>
    </NextIntlClientProvider>
  );
}
