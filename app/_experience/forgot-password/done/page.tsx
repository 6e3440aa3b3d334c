import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClassName } from '@/app/_components/ui/button';
import { getDb } from '@/db/client';
import { findExperienceFrame } from '@/lib/experience/screen';
import { Link } from '@/lib/i18n/navigation';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';

export async function generateMetadata({ params }: PageProps<'/[locale]/forgot-password/done'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ForgotPassword' });
  return { title: t('doneTitle'), robots: { index: false } };
}

/** The password was changed: sign in with it (the app's sign-in is still open in this browser). */
export default async function ResetDonePage({ params }: PageProps<'/[locale]/forgot-password/done'>) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('ForgotPassword');
  const common = await getTranslations('Common');
  return (
    <ExperienceFrame frame={await findExperienceFrame(await getDb())} title={t('doneTitle')} description={t('doneBody')} logoAlt={common('product')}>
      <Link href="/sign-in" className={buttonClassName('primary')}>
        {t('signIn')}
      </Link>
    </ExperienceFrame>
  );
}
