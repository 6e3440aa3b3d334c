import { getTranslations } from 'next-intl/server';
import { getDb } from '@/db/client';
import { findExperienceFrame } from '@/lib/experience/screen';
import { ExperienceFrame } from './experience-frame';

/** Shown by every experience page when this browser has no live sign-in (opened directly, or it expired). */
export async function ExpiredView() {
  const t = await getTranslations('Experience');
  const common = await getTranslations('Common');
  return <ExperienceFrame frame={await findExperienceFrame(await getDb())} title={t('expiredTitle')} description={t('expiredBody')} logoAlt={common('product')} />;
}
