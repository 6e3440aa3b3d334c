import { useTranslations } from 'next-intl';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { requestResetCode, resetAddressFrom } from '@/app/_experience/forgot-password/actions';
import { RequestForm } from '@/app/_experience/forgot-password/request-form';
import type { FormState } from '@/app/_experience/form-state';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { currentScreen, expiredPage } from '@/app/_experience/server/page-support';
import type { ExperienceFrame as Frame, ExperienceScreen } from '@/lib/experience/screen';

export const config = { unstable_runtimeJS: false };

type Props = { expired: Frame } | { screen: ExperienceScreen; state: FormState };

export const getServerSideProps = experiencePage<Props>(async ({ formData }) => {
  const screen = await currentScreen();
  if (!screen) return expiredPage();
  const channels = screen.forgotPassword;
  // "Forgot password?" on the sign-in page posts the identifier typed there (`intent=prefill`): no code is sent yet.
  const prefill = formData?.get('intent') === 'prefill';
  const state =
    formData && !prefill && channels.length > 0
      ? await requestResetCode(screen, formData)
      : { values: { identifier: resetAddressFrom(prefill ? String(formData.get('identifier') ?? '') : screen.loginHint, channels) } };
  return { props: { screen, state } };
});

/** Password reset, step 1: where to send the code (`first_screen=reset_password` or "Forgot password?"). */
export default function ForgotPasswordPage(props: Props) {
  const t = useTranslations('ForgotPassword');
  const experience = useTranslations('Experience');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, state } = props;
  const back = (
    <SecondaryLinks>
      <ExperienceLink href="/sign-in" className={linkClassName}>
        {experience('backToSignIn')}
      </ExperienceLink>
    </SecondaryLinks>
  );
  const channels = screen.forgotPassword;
  if (channels.length === 0) {
    return (
      <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={experience('notAvailable')} description={experience('notAvailableHelp')} logoAlt={screen.applicationName}>
        {back}
      </ExperienceFrame>
    );
  }
  const description = channels.length > 1 ? t('descriptionBoth') : channels[0] === 'phone' ? t('descriptionPhone') : t('descriptionEmail');
  return (
    <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t('title')} description={description} logoAlt={screen.applicationName}>
      <RequestForm channels={channels} state={state} />
      {back}
    </ExperienceFrame>
  );
}
