import 'server-only';
import { cookies } from 'next/headers';
import type { ReactNode } from 'react';
import { getDb } from '@/db/client';
import { loadExperience } from '@/lib/experience/interaction';
import { findExperienceScreen } from '@/lib/experience/screen';
import { AppError } from '@/lib/errors';
import { interactionCookieName } from '@/lib/oidc/interaction';
import { CodeStep, type CodeStepProps } from '../_components/code-step';
import { ExperienceFrame } from '../_components/experience-frame';
import { ExpiredView } from '../_components/expired-view';
import { codeScreenOf, findCodeRecord } from './code-support';

/**
 * The verification-code screen of every flow: the code `?v=` names in this interaction, where
 * it went, and the flow's verify and resend actions. Without the record (an old tab, another
 * browser) it says the sign-in expired rather than showing a form that cannot work.
 */
export async function CodePage({
  query,
  title,
  actions,
  after,
}: {
  query: { v?: string; sent?: string; resent?: string };
  title: string;
  actions: Pick<CodeStepProps, 'verify' | 'resend'>;
  after?: ReactNode;
}) {
  const db = await getDb();
  const cookie = (await cookies()).get(interactionCookieName())?.value;
  const screen = await findExperienceScreen(db, cookie);
  if (!screen) return <ExpiredView />;
  const experience = await loadExperience(db, cookie).catch((error: unknown) => {
    if (error instanceof AppError) return undefined;
    throw error;
  });
  const record = experience && findCodeRecord(experience, query.v);
  if (!experience || !record) return <ExpiredView />;
  const codeScreen = await codeScreenOf(experience, record.identifier, query.sent);
  return (
    <ExperienceFrame frame={screen} title={title} logoAlt={screen.applicationName}>
      <CodeStep {...actions} {...codeScreen} hidden={{ verificationId: record.id }} resent={query.resent === '1'} />
      {after}
    </ExperienceFrame>
  );
}
