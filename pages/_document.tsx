import { Head, Html, Main, NextScript, type DocumentProps } from 'next/document';
import { routing } from '@/lib/i18n/routing';

/** The experience pages' <html>: the page's language, their one small script, and the same body as app/_components/document.tsx. */
export default function ExperienceDocument({ __NEXT_DATA__ }: DocumentProps) {
  const locale = (__NEXT_DATA__.props as { pageProps?: { locale?: string } }).pageProps?.locale ?? routing.defaultLocale;
  return (
    <Html lang={locale}>
      <Head>
        {/* The pages' only script (progressive enhancement, under 1 KB gzip): see public/experience.js. */}
        <script src="/experience.js" defer />
      </Head>
      <body className="min-h-dvh bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <Main />
        <NextScript />
      </body>
    </Html>
  );
}
