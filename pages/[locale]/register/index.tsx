import { useTranslations } from 'next-intl';
import { buttonClassName } from '@/app/_components/ui/button';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { OfferLink } from '@/app/_experience/components/offer-link';
import { SecondaryLinks } from '@/app/_experience/components/secondary-links';
import { registerAction, type RegisterState } from '@/app/_experience/register/actions';
import { RegisterFlow } from '@/app/_experience/register/register-flow';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { currentScreen, expiredPage } from '@/app/_experience/server/page-support';
import type { ExperienceFrame as Frame, ExperienceScreen } from '@/lib/experience/screen';

/** No client runtime: the experience pages are plain HTML forms (README "Experience pages"). */
export const config = { unstable_runtimeJS: false };

type Props = { expired: Frame } | { screen: ExperienceScreen; state: RegisterState };

export const getServerSideProps = experiencePage<Props>(async ({ formData }) => {
  const screen = await currentScreen();
  if (!screen) return expiredPage();
  const initial: RegisterState = { step: 'identifier', values: { identifier: screen.loginHint ?? '' } };
  // A closed registration shows no form, so a post to it (an old tab) just shows the page again.
  return { props: { screen, state: formData && screen.register ? await registerAction(screen, initial, formData) : initial } };
});

/** Account creation (`first_screen=register`, `prompt=create`, or "Create an account"), or why it is closed. */
export default function RegisterPage(props: Props) {
  const t = useTranslations('Register');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, state } = props;
  if (!screen.register) {
    return (
      <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t('closedTitle')} description={t('closedBody', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
        <ExperienceLink href="/sign-in" className={buttonClassName('primary')}>
          {t('signIn')}
        </ExperienceLink>
      </ExperienceFrame>
    );
  }
  return (
    <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t('title', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
      <RegisterFlow screen={screen.register} legal={screen.legal} rules={screen.passwordRules} state={state} />
      {screen.signIn ? (
        <SecondaryLinks>
          <OfferLink question={t('haveAccount')} href="/sign-in" label={t('signIn')} />
        </SecondaryLinks>
      ) : null}
    </ExperienceFrame>
  );
}
