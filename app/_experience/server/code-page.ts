import { getDb } from '@/db/client';
import { loadExperience } from '@/lib/experience/interaction';
import { findExperienceScreen, type ExperienceFrame, type ExperienceScreen } from '@/lib/experience/screen';
import { AppError } from '@/lib/errors';
import type { CodeStepProps } from '../components/code-step';
import type { FormState } from '../form-state';
import { codeScreenOf, findCodeRecord, resendCode } from './code-support';
import type { PageOutcome, PageRequest } from './experience-page';
import { expiredPage, param } from './page-support';
import { requestScope } from './scope';

export type CodePageProps = { expired: ExperienceFrame } | { screen: ExperienceScreen; code: CodeStepProps };

/**
 * The server side of every flow's verification-code page: the code `?v=` names in this
 * interaction, where it went, and on POST the flow's `verify` (or, for `intent=resend`, a new
 * code and a fresh code page). Without the record (an old tab, another browser) the page says
 * the sign-in expired rather than showing a form that cannot work.
 */
export async function codePage(request: PageRequest, path: string, verify: (formData: FormData) => Promise<FormState>): Promise<PageOutcome<CodePageProps>> {
  const db = await getDb();
  const cookie = requestScope().interactionCookie;
  const screen = await findExperienceScreen(db, cookie);
  const experience = screen
    ? await loadExperience(db, cookie).catch((error: unknown) => {
        if (error instanceof AppError) return undefined;
        throw error;
      })
    : undefined;
  const record = experience && findCodeRecord(experience, param(request.query, 'v'));
  if (!screen || !experience || !record) return expiredPage();
  let state: FormState | undefined;
  if (request.formData) {
    state = request.formData.get('intent') === 'resend' ? await resendCode(request.formData, path) : await verify(request.formData);
  }
  const shown = await codeScreenOf(experience, record.identifier);
  return { props: { screen, code: { state, hidden: { verificationId: record.id }, ...shown, resent: param(request.query, 'resent') === '1' } } };
}
