import { useTranslations } from 'next-intl';
import { CodeScreen } from '@/app/_experience/components/code-screen';
import { ExperienceLink } from '@/app/_experience/components/experience-link';
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
  return (
    <CodeScreen page={props} title={t('codeTitle')}>
      <SecondaryLinks>
        <ExperienceLink href="/register" className={linkClassName}>
          {verification('wrongAddress')}
        </ExperienceLink>
      </SecondaryLinks>
    </CodeScreen>
  );
}
