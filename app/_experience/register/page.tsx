import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClassName } from '@/app/_components/ui/button';
import { Link } from '@/lib/i18n/navigation';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { currentScreen } from '@/app/_experience/server/page-support';
import { RegisterFlow } from './_components/register-flow';

export async function generateMetadata({ params }: PageProps<'/[locale]/register'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Register' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Account creation (`first_screen=register`, `prompt=create`, or "Create an account"), or why it is closed. */
export default async function RegisterPage({ params }: PageProps<'/[locale]/register'>) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('Register');
  const screen = await currentScreen();
  if (!screen) return <ExpiredView />;
  if (!screen.register) {
    return (
      <ExperienceFrame frame={screen} title={t('closedTitle')} description={t('closedBody', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
        <Link href="/sign-in" className={buttonClassName('primary')}>
          {t('signIn')}
        </Link>
      </ExperienceFrame>
    );
  }
  return (
    <ExperienceFrame frame={screen} title={t('title', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
      <RegisterFlow screen={screen.register} legal={screen.legal} rules={screen.passwordRules} loginHint={screen.loginHint} />
      {screen.signIn ? (
        <SecondaryLinks>
          <p>
            {t('haveAccount')}{' '}
            <Link href="/sign-in" className={linkClassName}>
              {t('signIn')}
            </Link>
          </p>
        </SecondaryLinks>
      ) : null}
    </ExperienceFrame>
  );
}
