import { useTranslations } from 'next-intl';
import type { ExperienceFrame as Frame } from '@/lib/experience/screen';
import { ExperienceFrame } from './experience-frame';

/** Shown by every experience page when this browser has no live sign-in (opened directly, or it expired). */
export function ExpiredView({ frame }: { frame: Frame }) {
  const t = useTranslations('Experience');
  const common = useTranslations('Common');
  return (
    <ExperienceFrame metaTitle={t('expiredTitle')} frame={frame} title={t('expiredTitle')} description={t('expiredBody')} logoAlt={common('product')} />
  );
}
