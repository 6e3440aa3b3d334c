import { useTranslations } from 'next-intl';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { OfferLink } from '@/app/_experience/components/offer-link';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { currentScreen, expiredPage } from '@/app/_experience/server/page-support';
import { signInAction, type SignInState } from '@/app/_experience/sign-in/actions';
import { SignInFlow } from '@/app/_experience/sign-in/sign-in-flow';
import type { ExperienceFrame as Frame, ExperienceScreen } from '@/lib/experience/screen';

/** No client runtime: the experience pages are plain HTML forms (README "Experience pages"). */
export const config = { unstable_runtimeJS: false };

type Props = { expired: Frame } | { screen: ExperienceScreen; state: SignInState };

export const getServerSideProps = experiencePage<Props>(async ({ formData }) => {
  const screen = await currentScreen();
  if (!screen) return expiredPage();
  const initial: SignInState = { step: screen.signIn?.identifierFirst ? 'identifier' : 'password', values: { identifier: screen.loginHint ?? '' } };
  return { props: { screen, state: formData ? await signInAction(screen, initial, formData) : initial } };
});

/** Where /oidc/auth sends a browser that must sign in: the form the sign-in experience configuration asks for. */
export default function SignInPage(props: Props) {
  const t = useTranslations('SignIn');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, state } = props;
  if (!screen.signIn) {
    return (
      <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t('registerOnly')} description={t('registerOnlyHelp')} logoAlt={screen.applicationName}>
        <ExperienceLink href="/register" className={linkClassName}>
          {t('createAccount')}
        </ExperienceLink>
      </ExperienceFrame>
    );
  }
  return (
    <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t('title', { appName: screen.applicationName })} logoAlt={screen.applicationName}>
      <SignInFlow screen={screen.signIn} legal={screen.legal} state={state} />
      {screen.register ? (
        <SecondaryLinks>
          <OfferLink question={t('noAccount')} href="/register" label={t('createAccount')} />
        </SecondaryLinks>
      ) : null}
    </ExperienceFrame>
  );
}
