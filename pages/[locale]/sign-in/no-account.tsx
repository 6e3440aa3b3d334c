import { useTranslations } from 'next-intl';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import type { FormState } from '@/app/_experience/form-state';
import { currentExperience } from '@/app/_experience/server/action-support';
import { findCodeRecord } from '@/app/_experience/server/code-support';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { currentScreen, expiredPage, param } from '@/app/_experience/server/page-support';
import { registerWithProvenAddress } from '@/app/_experience/sign-in/no-account/actions';
import { RegisterOffer } from '@/app/_experience/sign-in/no-account/register-offer';
import { maskedAddress, type ExperienceFrame as Frame, type ExperienceScreen } from '@/lib/experience/screen';
import { AppError } from '@/lib/errors';

export const config = { unstable_runtimeJS: false };

type Props = { expired: Frame } | { screen: ExperienceScreen; address: string; verificationId: string; state?: FormState };

export const getServerSideProps = experiencePage<Props>(async ({ query, formData }) => {
  const screen = await currentScreen();
  const experience = screen
    ? await currentExperience().catch((error: unknown) => {
        if (error instanceof AppError) return undefined;
        throw error;
      })
    : undefined;
  const record = experience && findCodeRecord(experience, param(query, 'v'));
  if (!screen || !record?.verified) return expiredPage();
  const state = formData && screen.register ? await registerWithProvenAddress(formData) : undefined;
  return { props: { screen, address: maskedAddress(record.identifier), verificationId: record.id, state } };
});

/** A sign-in code proved an address no account uses: create one with it, or try another address. */
export default function NoAccountPage(props: Props) {
  const t = useTranslations('SignIn');
  const experience = useTranslations('Experience');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, address, verificationId, state } = props;
  return (
    <ExperienceFrame
      metaTitle={t('noAccountTitle')}
      frame={screen}
      title={t('noAccountTitle')}
      description={screen.register ? t('noAccountOffer', { address }) : t('noAccountClosed', { address })}
      logoAlt={screen.applicationName}
    >
      {screen.register ? <RegisterOffer verificationId={verificationId} state={state} /> : null}
      <SecondaryLinks>
        <ExperienceLink href="/sign-in" className={linkClassName}>
          {experience('changeIdentifier')}
        </ExperienceLink>
      </SecondaryLinks>
    </ExperienceFrame>
  );
}
