import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { SecondaryLinks, linkClassName } from '../../_components/secondary-links';
import { CodePage } from '../../_lib/code-page';
import { currentScreen, param } from '../../_lib/page-support';
import { resendSignInCode, verifySignInCode } from './actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/sign-in/code'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'SignIn' });
  return { title: t('codeTitle'), robots: { index: false } };
}

/** Signing in with a code sent to an email or a phone. */
export default async function SignInCodePage({ params, searchParams }: PageProps<'/[locale]/sign-in/code'>) {
  setRequestLocale((await params).locale);
  const query = await searchParams;
  const t = await getTranslations('SignIn');
  const experience = await getTranslations('Experience');
  const registrationOpen = Boolean((await currentScreen())?.register);
  return (
    <CodePage
      query={{ v: param(query, 'v'), sent: param(query, 'sent'), resent: param(query, 'resent') }}
      title={t('codeTitle')}
      actions={{ verify: verifySignInCode, resend: resendSignInCode }}
      after={
        <SecondaryLinks>
          <Link href="/sign-in" className={linkClassName}>
            {experience('changeIdentifier')}
          </Link>
          {registrationOpen ? (
            <p>
              {t('noAccount')}{' '}
              <Link href="/register" className={linkClassName}>
                {t('createAccount')}
              </Link>
            </p>
          ) : null}
        </SecondaryLinks>
      }
    />
  );
}
