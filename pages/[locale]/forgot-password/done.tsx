import { useTranslations } from 'next-intl';
import { buttonClassName } from '@/app/_components/ui/button';
import { getDb } from '@/db/client';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { findExperienceFrame, type ExperienceFrame as Frame } from '@/lib/experience/screen';

export const config = { unstable_runtimeJS: false };

type Props = { frame: Frame };

// Nothing here depends on the interaction (the reset spent its records): the operator's frame alone.
export const getServerSideProps = experiencePage<Props>(async () => ({ props: { frame: await findExperienceFrame(await getDb()) } }));

/** The password was changed: sign in with it (the app's sign-in is still open in this browser). */
export default function ResetDonePage({ frame }: Props) {
  const t = useTranslations('ForgotPassword');
  const common = useTranslations('Common');
  return (
    <ExperienceFrame metaTitle={t('doneTitle')} frame={frame} title={t('doneTitle')} description={t('doneBody')} logoAlt={common('product')}>
      <ExperienceLink href="/sign-in" className={buttonClassName('primary')}>
        {t('signIn')}
      </ExperienceLink>
    </ExperienceFrame>
  );
}
