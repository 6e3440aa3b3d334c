import { useTranslations } from 'next-intl';
import { verifyProfileCode } from '@/app/_experience/complete-profile/code/actions';
import { CodeStep } from '@/app/_experience/components/code-step';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { ExperienceHead } from '@/app/_experience/components/experience-head';
import { ExpiredView } from '@/app/_experience/components/expired-view';
import { codePage, type CodePageProps } from '@/app/_experience/server/code-page';
import { experiencePage } from '@/app/_experience/server/experience-page';

export const config = { unstable_runtimeJS: false };

export const getServerSideProps = experiencePage<CodePageProps>((request) => codePage(request, '/complete-profile/code', verifyProfileCode));

/** Proving an email or phone the account must have. */
export default function ProfileCodePage(props: CodePageProps) {
  const t = useTranslations('CompleteProfile');
  if ('expired' in props) return <ExpiredView frame={props.expired} />;
  const { screen, code } = props;
  return (
    <>
      <ExperienceHead title={t('codeTitle')} />
      <ExperienceFrame frame={screen} title={t('codeTitle')} logoAlt={screen.applicationName}>
        <CodeStep {...code} />
      </ExperienceFrame>
    </>
  );
}
