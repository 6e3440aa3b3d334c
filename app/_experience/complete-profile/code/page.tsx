import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { CodePage } from '@/app/_experience/server/code-page';
import { param } from '@/app/_experience/server/page-support';
import { resendProfileCode, verifyProfileCode } from './actions';

export async function generateMetadata({ params }: PageProps<'/[locale]/complete-profile/code'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'CompleteProfile' });
  return { title: t('codeTitle'), robots: { index: false } };
}

/** Proving an email or phone the account must have. */
export default async function ProfileCodePage({ params, searchParams }: PageProps<'/[locale]/complete-profile/code'>) {
  setRequestLocale((await params).locale);
  const query = await searchParams;
  const t = await getTranslations('CompleteProfile');
  return <CodePage query={{ v: param(query, 'v'), sent: param(query, 'sent'), resent: param(query, 'resent') }} title={t('codeTitle')} actions={{ verify: verifyProfileCode, resend: resendProfileCode }} />;
}
