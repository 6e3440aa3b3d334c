import { getTranslations, setRequestLocale } from 'next-intl/server';
import { connection } from 'next/server';
import { PageFrame } from '@/app/_components/ui/page-frame';
import { env } from '@/lib/env';
import { systemStatus } from '@/lib/system/status';
import { ConnectPanel } from './_components/connect-panel';
import { DocsNote } from './_components/docs-note';
import { StatusPanel } from './_components/status-panel';

/** The operator's landing page: what this server is, whether it is healthy, and how to connect an app. */
export default async function LandingPage({ params }: PageProps<'/[locale]'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  // The status is live: render per request, and never open the database during `next build`.
  await connection();
  const [t, status] = await Promise.all([getTranslations('Landing'), systemStatus()]);
  return (
    <PageFrame size="wide" title={t('title')} description={t('description')}>
      <div className="space-y-8">
        <StatusPanel status={status} />
        <ConnectPanel issuer={env().issuer} />
        <DocsNote />
      </div>
    </PageFrame>
  );
}
