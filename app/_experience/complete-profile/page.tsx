import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { currentScreen, param } from '@/app/_experience/server/page-support';
import { ProfileForm } from './_components/profile-form';
import { firstMissing } from './fields';

export async function generateMetadata({ params }: PageProps<'/[locale]/complete-profile'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'CompleteProfile' });
  return { title: t('metaTitle'), robots: { index: false } };
}

const titles = { password: 'passwordTitle', username: 'usernameTitle', email: 'emailTitle', phone: 'phoneTitle', emailOrPhone: 'emailTitle' } as const;

/** What the sign-up settings still ask of the account (`user.missing_profile`), one piece at a time. */
export default async function CompleteProfilePage({ params, searchParams }: PageProps<'/[locale]/complete-profile'>) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('CompleteProfile');
  const screen = await currentScreen();
  const field = firstMissing(param(await searchParams, 'missing'));
  if (!screen || !field) return <ExpiredView />;
  return (
    <ExperienceFrame frame={screen} title={t(titles[field])} description={t('description', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
      <ProfileForm field={field} rules={screen.passwordRules} />
    </ExperienceFrame>
  );
}
