import { useTranslations } from 'next-intl';
import { CodeStep } from '@/app/_experience/components/code-step';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceHead } from '@/app/_experience/components/experience-head';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { ExpiredView } from '@/app/_experience/components/expired-view';
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
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, code } = props;
  return (
    <>
      <ExperienceHead title={t('codeTitle')} />
      <ExperienceFrame frame={screen} title={t('codeTitle')} logoAlt={screen.applicationName}>
        <CodeStep {...code} />
        <SecondaryLinks>
          <ExperienceLink href="/sign-in" className={linkClassName}>
            {experience('changeIdentifier')}
          </ExperienceLink>
          {screen.register ? (
            <p>
              {t('noAccount')}{' '}
              <ExperienceLink href="/register" className={linkClassName}>
                {t('createAccount')}
              </ExperienceLink>
            </p>
          ) : null}
        </SecondaryLinks>
      </ExperienceFrame>
    </>
  );
}
