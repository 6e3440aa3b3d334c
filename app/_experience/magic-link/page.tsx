import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { currentScreen } from '@/app/_experience/server/page-support';
import { ContinueForm } from './_components/continue-form';

export async function generateMetadata({ params }: PageProps<'/[locale]/magic-link'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'MagicLink' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Where a magic link (`one_time_token` + `login_hint`) lands: one button, so opening the link spends nothing. */
export default async function MagicLinkPage({ params }: PageProps<'/[locale]/magic-link'>) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('MagicLink');
  const screen = await currentScreen();
  if (!screen) return <ExpiredView />;
  const other = screen.signIn ? (
    <SecondaryLinks>
      <Link href="/sign-in" className={linkClassName}>
        {t('otherWay')}
      </Link>
    </SecondaryLinks>
  ) : null;
  if (!screen.magicLink) {
    return (
      <ExperienceFrame frame={screen} title={t('missingTitle')} description={t('missingBody')} logoAlt={screen.applicationName}>
        {other}
      </ExperienceFrame>
    );
  }
  return (
    <ExperienceFrame frame={screen} title={t('title', { appName: screen.applicationName })} description={t('description')} logoAlt={screen.applicationName}>
      <ContinueForm email={screen.magicLink.email} />
      {other}
    </ExperienceFrame>
  );
}
