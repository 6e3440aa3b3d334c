import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Link } from '@/lib/i18n/navigation';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { CodePage } from '@/app/_experience/server/code-page';
import { param } from '@/app/_experience/server/page-support';
import { resendResetCode, verifyResetCode } from './actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/forgot-password/code'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ForgotPassword' });
  return { title: t('codeTitle'), robots: { index: false } };
}

/** Password reset, step 2: the code sent to the account's address. */
export default async function ResetCodePage({ params, searchParams }: PageProps<'/[locale]/forgot-password/code'>) {
  setRequestLocale((await params).locale);
  const query = await searchParams;
  const t = await getTranslations('ForgotPassword');
  const code = await getTranslations('VerificationCode');
  return (
    <CodePage
      query={{ v: param(query, 'v'), sent: param(query, 'sent'), resent: param(query, 'resent') }}
      title={t('codeTitle')}
      actions={{ verify: verifyResetCode, resend: resendResetCode }}
      after={
        <SecondaryLinks>
          <Link href="/forgot-password" className={linkClassName}>
            {code('wrongAddress')}
          </Link>
        </SecondaryLinks>
      }
    />
  );
}
