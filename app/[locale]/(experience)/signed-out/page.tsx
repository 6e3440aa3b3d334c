import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageFrame } from '@/app/_components/ui/page-frame';

export async function generateMetadata({ params }: PageProps<'/[locale]/signed-out'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'SignedOut' });
  return { title: t('title') };
}

/** Where RP-initiated logout ends when the app gave no post_logout_redirect_uri. */
export default async function SignedOutPage({ params }: PageProps<'/[locale]/signed-out'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('SignedOut');
  return <PageFrame title={t('title')} description={t('description')} />;
}
