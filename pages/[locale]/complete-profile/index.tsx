import { useTranslations } from 'next-intl';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { completeProfileAction } from '@/app/_experience/complete-profile/actions';
import { firstMissing, type ProfileField } from '@/app/_experience/complete-profile/fields';
import { ProfileForm } from '@/app/_experience/complete-profile/profile-form';
import { initialFormState, type FormState } from '@/app/_experience/form-state';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { currentScreen, expiredPage, param } from '@/app/_experience/server/page-support';
import { getDb } from '@/db/client';
import type { ExperienceFrame as Frame, ExperienceScreen } from '@/lib/experience/screen';
import { describeProfileField, type PublicProfileField } from '@/lib/sign-in-exp/profile-fields';
import { getProfileFields } from '@/lib/sign-in-exp/profile-fields-store';

export const config = { unstable_runtimeJS: false };

type Props = { expired: Frame } | { screen: ExperienceScreen; field: ProfileField; state: FormState; profileFields: PublicProfileField[] };

export const getServerSideProps = experiencePage<Props>(async ({ query, formData }) => {
  const screen = await currentScreen();
  const field = firstMissing(param(query, 'missing'));
  if (!screen || !field) return expiredPage();
  // "Tell us about yourself" shows the operator's fields; the other steps ask for one thing.
  const profileFields = field === 'extraProfile' ? (await getProfileFields(await getDb())).map(describeProfileField) : [];
  return { props: { screen, field, profileFields, state: formData ? await completeProfileAction(formData) : initialFormState() } };
});

const titles = { password: 'passwordTitle', username: 'usernameTitle', email: 'emailTitle', phone: 'phoneTitle', emailOrPhone: 'emailTitle', extraProfile: 'extraProfileTitle' } as const;

/** What the sign-up settings still ask of the account (`user.missing_profile`), one piece at a time. */
export default function CompleteProfilePage(props: Props) {
  const t = useTranslations('CompleteProfile');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, field, state, profileFields } = props;
  return (
    <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t(titles[field])} description={t('description', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
      <ProfileForm field={field} rules={screen.passwordRules} state={state} profileFields={profileFields} />
    </ExperienceFrame>
  );
}
