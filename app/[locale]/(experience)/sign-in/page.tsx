import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { ExperienceFrame } from '../_components/experience-frame';
import { ExpiredView } from '../_components/expired-view';
import { SecondaryLinks, linkClassName } from '../_components/secondary-links';
import { currentScreen } from '../_lib/page-support';
import { SignInFlow } from './_components/sign-in-flow';

export async function generateMetadata({ params }: PageProps<'/[locale]/sign-in'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'SignIn' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Where /oidc/auth sends a browser that must sign in: the form the sign-in experience configuration asks for. */
export default async function SignInPage({ params }: PageProps<'/[locale]/sign-in'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('SignIn');
  const screen = await currentScreen();
  if (!screen) return <ExpiredView />;
  if (!screen.signIn) {
    return (
      <ExperienceFrame frame={screen} title={t('registerOnly')} description={t('registerOnlyHelp')} logoAlt={screen.applicationName}>
        <Link href="/register" className={linkClassName}>
          {t('createAccount')}
        </Link>
      </ExperienceFrame>
    );
  }
  return (
    <ExperienceFrame frame={screen} title={t('title', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
      <SignInFlow screen={screen.signIn} legal={screen.legal} loginHint={screen.loginHint} />
      {screen.register ? (
        <SecondaryLinks>
          <p>
            {t('noAccount')}{' '}
            <Link href="/register" className={linkClassName}>
              {t('createAccount')}
            </Link>
          </p>
        </SecondaryLinks>
      ) : null}
    </ExperienceFrame>
  );
}
