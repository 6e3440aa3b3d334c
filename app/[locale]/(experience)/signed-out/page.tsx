import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { operatorFrame, operatorIcons } from '@/app/_experience/server/operator-frame';

export async function generateMetadata({ params }: PageProps<'/[locale]/signed-out'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'SignedOut' });
  return { title: t('title'), icons: await operatorIcons() };
}

/** Where RP-initiated logout ends when the app gave no post_logout_redirect_uri. */
export default async function SignedOutPage({ params }: PageProps<'/[locale]/signed-out'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('SignedOut');
  const product = (await getTranslations('Common'))('product');
  return <ExperienceFrame frame={await operatorFrame()} title={t('title')} description={t('description')} logoAlt={product} />;
}
