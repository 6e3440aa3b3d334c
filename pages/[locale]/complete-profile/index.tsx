import { useTranslations } from 'next-intl';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { completeProfileAction } from '@/app/_experience/complete-profile/actions';
import { firstMissing, type ProfileField } from '@/app/_experience/complete-profile/fields';
import { ProfileForm } from '@/app/_experience/complete-profile/profile-form';
import { initialFormState, type FormState } from '@/app/_experience/form-state';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { currentScreen, expiredPage, param } from '@/app/_experience/server/page-support';
import type { ExperienceFrame as Frame, ExperienceScreen } from '@/lib/experience/screen';

export const config = { unstable_runtimeJS: false };

type Props = { expired: Frame } | { screen: ExperienceScreen; field: ProfileField; state: FormState };

export const getServerSideProps = experiencePage<Props>(async ({ query, formData }) => {
  const screen = await currentScreen();
  const field = firstMissing(param(query, 'missing'));
  if (!screen || !field) return expiredPage();
  return { props: { screen, field, state: formData ? await completeProfileAction(formData) : initialFormState() } };
});

const titles = { password: 'passwordTitle', username: 'usernameTitle', email: 'emailTitle', phone: 'phoneTitle', emailOrPhone: 'emailTitle' } as const;

/** What the sign-up settings still ask of the account (`user.missing_profile`), one piece at a time. */
export default function CompleteProfilePage(props: Props) {
  const t = useTranslations('CompleteProfile');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, field, state } = props;
  return (
    <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t(titles[field])} description={t('description', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
      <ProfileForm field={field} rules={screen.passwordRules} state={state} />
    </ExperienceFrame>
  );
}
