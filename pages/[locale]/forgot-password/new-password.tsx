import { useTranslations } from 'next-intl';
import { getDb } from '@/db/client';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { saveNewPassword } from '@/app/_experience/forgot-password/new-password/actions';
import { NewPasswordForm } from '@/app/_experience/forgot-password/new-password/new-password-form';
import type { FormState } from '@/app/_experience/form-state';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { expiredPage } from '@/app/_experience/server/page-support';
import { requestScope } from '@/app/_experience/server/scope';
import { findExperienceScreen, type ExperienceFrame as Frame, type ExperienceScreen } from '@/lib/experience/screen';
import { findInteraction } from '@/lib/oidc/interaction';

export const config = { unstable_runtimeJS: false };

type Props = { expired: Frame } | { screen: ExperienceScreen; state?: FormState };

export const getServerSideProps = experiencePage<Props>(async ({ formData }) => {
  const db = await getDb();
  const cookie = requestScope().interactionCookie;
  const [screen, interaction] = await Promise.all([findExperienceScreen(db, cookie), findInteraction(db, cookie)]);
  // Only once a reset code identified the account in this interaction (an old tab, another browser: expired).
  const state = (interaction?.state ?? {}) as { interactionEvent?: string; identifiedUserId?: string };
  if (!screen || state.interactionEvent !== 'ForgotPassword' || !state.identifiedUserId) return expiredPage();
  return { props: { screen, state: formData ? await saveNewPassword(formData) : undefined } };
});

/** Password reset, step 3: the new password, held to the policy. */
export default function NewPasswordPage(props: Props) {
  const t = useTranslations('ForgotPassword');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, state } = props;
  return (
    <ExperienceFrame metaTitle={t('newPasswordTitle')} frame={screen} title={t('newPasswordTitle')} logoAlt={screen.applicationName}>
      <NewPasswordForm rules={screen.passwordRules} state={state} />
    </ExperienceFrame>
  );
}
