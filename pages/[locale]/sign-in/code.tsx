import { useTranslations } from 'next-intl';
import { CodeScreen } from '@/app/_experience/components/code-screen';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { OfferLink } from '@/app/_experience/components/offer-link';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { codePage, type CodePageProps } from '@/app/_experience/server/code-page';
import { experiencePage } from '@/app/_experience/server/experience-page';
import { verifySignInCode } from '@/app/_experience/sign-in/code/actions';

export const config = { unstable_runtimeJS: false };

export const getServerSideProps = experiencePage<CodePageProps>((request) => codePage(request, '/sign-in/code', verifySignInCode));

/** Signing in with a code sent to an email or a phone. */
export default function SignInCodePage(props: CodePageProps) {
  const t = useTranslations('SignIn');
  const experience = useTranslations('Experience');
  return (
    <CodeScreen page={props} title={t('codeTitle')}>
      <SecondaryLinks>
        <ExperienceLink href="/sign-in" className={linkClassName}>
          {experience('changeIdentifier')}
        </ExperienceLink>
        {'screen' in props && props.screen.register ? <OfferLink question={t('noAccount')} href="/register" label={t('createAccount')} /> : null}
      </SecondaryLinks>
    </CodeScreen>
  );
}
