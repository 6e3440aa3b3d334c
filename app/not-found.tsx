import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { Document } from './_components/document';
import { NotFoundView } from './_components/not-found-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations();
  return { title: `${t('NotFound.title')} · ${t('Meta.title')}` };
}

/**
 * Every URL that matches no route, localized (/nope, /ko/nope) or not (/oidc/nope).
 * The language is the one the proxy resolved for the request; paths it skips get English.
 * Unknown paths come here rather than through a [...rest] page calling notFound(),
 * because Next 16 sends notFound() responses with an empty <body> that only renders
 * with JavaScript (vercel/next.js#62228), while this page is rendered on the server.
 */
export default async function NotFound() {
  return (
    <Document locale={await getLocale()}>
      <NotFoundView />
    </Document>
  );
}
