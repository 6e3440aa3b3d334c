import { NextIntlClientProvider } from 'next-intl';
import type { ReactNode } from 'react';

/**
 * The <html> document of every page. Shared by the [locale] layout and the root
 * not-found page, which renders outside it (unmatched URLs never reach [locale]).
 */
export function Document({ locale, children }: { locale: string; children: ReactNode }) {
  return (
    <html lang={locale}>
      <body className="min-h-dvh bg-zinc-50 font-sans text-zinc-900 antialiased dark:bg-zinc-950 dark:text-zinc-100">
        <NextIntlClientProvider>{children}</NextIntlClientProvider>
      </body>
    </html>
  );
}
