import { useTranslations } from 'next-intl';
import { CodeStep } from '@/app/_experience/components/code-step';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceHead } from '@/app/_experience/components/experience-head';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { SecondaryLinks, linkClassName } from '@/app/_experience/components/secondary-links';
import { verifyResetCode } from '@/app/_experience/forgot-password/code/actions';
import { codePage, type CodePageProps } from '@/app/_experience/server/code-page';
import { experiencePage } from '@/app/_experience/server/experience-page';

export const config = { unstable_runtimeJS: false };

export const getServerSideProps = experiencePage<CodePageProps>((request) => codePage(request, '/forgot-password/code', verifyResetCode));

/** Password reset, step 2: the code sent to the account's address. */
export default function ResetCodePage(props: CodePageProps) {
  const t = useTranslations('ForgotPassword');
  const verification = useTranslations('VerificationCode');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, code } = props;
  return (
    <>
      <ExperienceHead title={t('codeTitle')} />
      <ExperienceFrame frame={screen} title={t('codeTitle')} logoAlt={screen.applicationName}>
        <CodeStep {...code} />
        <SecondaryLinks>
          <ExperienceLink href="/forgot-password" className={linkClassName}>
            {verification('wrongAddress')}
          </ExperienceLink>
        </SecondaryLinks>
      </ExperienceFrame>
    </>
  );
}
