import type { AbstractIntlMessages } from 'next-intl';
import type { Locale } from './routing';

/** One locale's messages (messages/<locale>.json), for the App Router's request config and the experience pages alike. */
export async function loadMessages(locale: Locale): Promise<AbstractIntlMessages> {
  return (await import(`../../messages/${locale}.json`)).default as AbstractIntlMessages;
}
