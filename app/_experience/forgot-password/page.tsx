import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { currentScreen } from '@/app/_experience/server/page-support';
import { RequestForm } from './_components/request-form';

export async function generateMetadata({ params }: PageProps<'/[locale]/forgot-password'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ForgotPassword' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Password reset, step 1: where to send the code (`first_screen=reset_password` or "Forgot password?"). */
export default async function ForgotPasswordPage({ params }: PageProps<'/[locale]/forgot-password'>) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('ForgotPassword');
  const experience = await getTranslations('Experience');
  const screen = await currentScreen();
  if (!screen) return <ExpiredView />;
  const back = (
    <SecondaryLinks>
      <Link href="/sign-in" className={linkClassName}>
        {experience('backToSignIn')}
      </Link>
    </SecondaryLinks>
  );
  const channels = screen.forgotPassword;
  if (channels.length === 0) {
    return (
      <ExperienceFrame frame={screen} title={experience('notAvailable')} description={experience('notAvailableHelp')} logoAlt={screen.applicationName}>
        {back}
      </ExperienceFrame>
    );
  }
  const description = channels.length > 1 ? t('descriptionBoth') : channels[0] === 'phone' ? t('descriptionPhone') : t('descriptionEmail');
  const hint = screen.loginHint && (screen.loginHint.includes('@') ? channels.includes('email') : channels.includes('phone')) ? screen.loginHint : undefined;
  return (
    <ExperienceFrame frame={screen} title={t('title')} description={description} logoAlt={screen.applicationName}>
      <RequestForm channels={channels} defaultValue={hint} />
      {back}
    </ExperienceFrame>
  );
}
