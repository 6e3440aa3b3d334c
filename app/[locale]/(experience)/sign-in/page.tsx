import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { PageFrame } from '@/app/_components/ui/page-frame';
import { getDb } from '@/db/client';
import { findExperienceScreen } from '@/lib/experience/screen';
import { interactionCookieName } from '@/lib/oidc/interaction';
import { SignInForm } from '../_components/sign-in-form';

export async function generateMetadata({ params }: PageProps<'/[locale]/sign-in'>): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: 'SignIn' });
  return { title: t('metaTitle'), robots: { index: false } };
}

/** Where /oidc/auth sends a browser that must sign in: identifier and password, for the app named in the interaction. */
export default async function SignInPage({ params }: PageProps<'/[locale]/sign-in'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('SignIn');
  const screen = await findExperienceScreen(await getDb(), (await cookies()).get(interactionCookieName())?.value);
  if (!screen) {
    const expired = await getTranslations('Experience');
    return <PageFrame title={expired('expiredTitle')} description={expired('expiredBody')} />;
  }
  return (
    <PageFrame title={t('title', { appName: screen.applicationName })}>
      <SignInForm defaultIdentifier={screen.loginHint ?? ''} />
    </PageFrame>
  );
}
