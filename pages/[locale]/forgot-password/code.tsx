import { useTranslations } from 'next-intl';
import { CodeScreen } from '@/app/_experience/components/code-screen';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
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
  return (
    <CodeScreen page={props} title={t('codeTitle')}>
      <SecondaryLinks>
        <ExperienceLink href="/forgot-password" className={linkClassName}>
          {verification('wrongAddress')}
        </ExperienceLink>
      </SecondaryLinks>
    </CodeScreen>
  );
}
