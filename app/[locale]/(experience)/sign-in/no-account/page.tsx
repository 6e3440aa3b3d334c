import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { getDb } from '@/db/client';
import { loadExperience } from '@/lib/experience/interaction';
import { findExperienceScreen, maskedAddress } from '@/lib/experience/screen';
import { AppError } from '@/lib/errors';
import { Link } from '@/lib/i18n/navigation';
import { interactionCookieName } from '@/lib/oidc/interaction';
import { ExperienceFrame } from '../../_components/experience-frame';
import { ExpiredView } from '../../_components/expired-view';
import { SecondaryLinks, linkClassName } from '../../_components/secondary-links';
import { findCodeRecord } from '../../_lib/code-support';
import { param } from '../../_lib/page-support';
import { RegisterOffer } from './_components/register-offer';

export async function generateMetadata({ params }: PageProps<'/[locale]/sign-in/no-account'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'SignIn' });
  return { title: t('noAccountTitle'), robots: { index: false } };
}

/** A sign-in code proved an address no account uses: create one with it, or try another address. */
export default async function NoAccountPage({ params, searchParams }: PageProps<'/[locale]/sign-in/no-account'>) {
  setRequestLocale((await params).locale);
  const t = await getTranslations('SignIn');
  const experienceText = await getTranslations('Experience');
  const db = await getDb();
  const cookie = (await cookies()).get(interactionCookieName())?.value;
  const screen = await findExperienceScreen(db, cookie);
  const experience = screen
    ? await loadExperience(db, cookie).catch((error: unknown) => {
        if (error instanceof AppError) return undefined;
        throw error;
      })
    : undefined;
  const record = experience && findCodeRecord(experience, param(await searchParams, 'v'));
  if (!screen || !record?.verified) return <ExpiredView />;
  const address = maskedAddress(record.identifier);
  return (
    <ExperienceFrame
      frame={screen}
      title={t('noAccountTitle')}
      description={screen.register ? t('noAccountOffer', { address }) : t('noAccountClosed', { address })}
      logoAlt={screen.applicationName}
    >
      {screen.register ? <RegisterOffer verificationId={record.id} /> : null}
      <SecondaryLinks>
        <Link href="/sign-in" className={linkClassName}>
          {experienceText('changeIdentifier')}
        </Link>
      </SecondaryLinks>
    </ExperienceFrame>
  );
}
