import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findInteraction, interactionCookieName } from '@/lib/oidc/interaction';
import { findExperienceScreen } from '@/lib/experience/screen';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { NewPasswordForm } from './_components/new-password-form';

export async function generateMetadata({ params }: PageProps<'/[locale]/forgot-password/new-password'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'ForgotPassword' });
  return { title: t('newPasswordTitle'), robots: { index: false } };
}

/** Password reset, step 3; only after a reset code identified the account in this interaction. */
export default async function NewPasswordPage({ params }: PageProps<'/[locale]/forgot-password/new-password'>) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('ForgotPassword');
  const db = await getDb();
  const cookie = (await cookies()).get(interactionCookieName())?.value;
  const [screen, interaction] = await Promise.all([findExperienceScreen(db, cookie), findInteraction(db, cookie)]);
  const state = (interaction?.state ?? {}) as { interactionEvent?: string; identifiedUserId?: string };
  if (!screen || state.interactionEvent !== 'ForgotPassword' || !state.identifiedUserId) return <ExpiredView />;
  return (
    <ExperienceFrame frame={screen} title={t('newPasswordTitle')} logoAlt={screen.applicationName}>
      <NewPasswordForm rules={screen.passwordRules} />
    </ExperienceFrame>
  );
}
