import { useTranslations } from 'next-intl';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import type { FormState } from '@/app/_experience/form-state';
import { continueWithMagicLink } from '@/app/_experience/magic-link/actions';
import { ContinueForm } from '@/app/_experience/magic-link/continue-form';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { currentScreenWithMagicLink, expiredPage } from '@/app/_experience/server/page-support';
import type { ExperienceFrame as Frame, ExperienceScreen } from '@/lib/experience/screen';

export const config = { unstable_runtimeJS: false };

type Props = { expired: Frame } | { screen: Omit<ExperienceScreen, 'magicLink'>; email?: string; state?: FormState };

export const getServerSideProps = experiencePage<Props>(async ({ formData }) => {
  const screen = await currentScreenWithMagicLink();
  if (!screen) return expiredPage();
  const { magicLink, ...rest } = screen;
  // Only the POST ("Continue as …") spends the token; a GET (a mail scanner opening the link) shows the button.
  const state = formData && magicLink ? await continueWithMagicLink(magicLink) : undefined;
  // The token stays on the server: the page needs the address alone.
  return { props: { screen: rest, email: magicLink?.email, state } };
});

/** Where a magic link (`one_time_token` + `login_hint`) lands: one button, so opening the link spends nothing. */
export default function MagicLinkPage(props: Props) {
  const t = useTranslations('MagicLink');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, email, state } = props;
  const other = screen.signIn ? (
    <SecondaryLinks>
      <ExperienceLink href="/sign-in" className={linkClassName}>
        {t('otherWay')}
      </ExperienceLink>
    </SecondaryLinks>
  ) : null;
  if (!email) {
    return (
      <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t('missingTitle')} description={t('missingBody')} logoAlt={screen.applicationName}>
        {other}
      </ExperienceFrame>
    );
  }
  return (
    <ExperienceFrame metaTitle={t('metaTitle')} frame={screen} title={t('title', { appName: screen.applicationName })} description={t('description')} logoAlt={screen.applicationName}>
      <ContinueForm email={email} state={state} />
      {other}
    </ExperienceFrame>
  );
}
