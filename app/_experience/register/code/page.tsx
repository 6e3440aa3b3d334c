import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { CodePage } from '@/app/_experience/server/code-page';
import { param } from '@/app/_experience/server/page-support';
import { resendRegisterCode, verifyRegisterCode } from './actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/register/code'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Register' });
  return { title: t('codeTitle'), robots: { index: false } };
}

/** Proving the new account's email or phone with the code sent to it. */
export default async function RegisterCodePage({ params, searchParams }: PageProps<'/[locale]/register/code'>) {
  setRequestLocale((await params).locale);
  const query = await searchParams;
  const t = await getTranslations('Register');
  const code = await getTranslations('VerificationCode');
  return (
    <CodePage
      query={{ v: param(query, 'v'), sent: param(query, 'sent'), resent: param(query, 'resent') }}
      title={t('codeTitle')}
      actions={{ verify: verifyRegisterCode, resend: resendRegisterCode }}
      after={
        <SecondaryLinks>
          <Link href="/register" className={linkClassName}>
            {code('wrongAddress')}
          </Link>
        </SecondaryLinks>
      }
    />
  );
}
