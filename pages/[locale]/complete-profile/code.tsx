import { useTranslations } from 'next-intl';
import { verifyProfileCode } from '@/app/_experience/complete-profile/code/actions';
import { CodeScreen } from '@/app/_experience/components/code-screen';
import { codePage, type CodePageProps } from '@/app/_experience/server/code-page';
import { experiencePage } from '@/app/_experience/server/experience-page';

export const config = { unstable_runtimeJS: false };

export const getServerSideProps = experiencePage<CodePageProps>((request) => codePage(request, '/complete-profile/code', verifyProfileCode));

/** Proving an email or phone the account must have. */
export default function ProfileCodePage(props: CodePageProps) {
  const t = useTranslations('CompleteProfile');
  return <CodeScreen page={props} title={t('codeTitle')} />;
}
