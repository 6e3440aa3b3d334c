import { useTranslations } from 'next-intl';
import { CodeStep } from '@/app/_experience/components/code-step';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceHead } from '@/app/_experience/components/experience-head';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { verifyRegisterCode } from '@/app/_experience/register/code/actions';
import { codePage, type CodePageProps } from '@/app/_experience/server/code-page';
import { experiencePage } from '@/app/_experience/server/experience-page';

export const config = { unstable_runtimeJS: false };

export const getServerSideProps = experiencePage<CodePageProps>((request) => codePage(request, '/register/code', verifyRegisterCode));

/** Proving the new account's email or phone with the code sent to it. */
export default function RegisterCodePage(props: CodePageProps) {
  const t = useTranslations('Register');
  const verification = useTranslations('VerificationCode');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, code } = props;
  return (
    <>
      <ExperienceHead title={t('codeTitle')} />
      <ExperienceFrame frame={screen} title={t('codeTitle')} logoAlt={screen.applicationName}>
        <CodeStep {...code} />
        <SecondaryLinks>
          <ExperienceLink href="/register" className={linkClassName}>
            {verification('wrongAddress')}
          </ExperienceLink>
        </SecondaryLinks>
      </ExperienceFrame>
    </>
  );
}
