import { publicExperience } from '@/lib/experience/interaction';
import { maskedAddress } from '@/lib/experience/screen';
import type { Experience } from '@/lib/experience/state';
import type { InteractionEvent } from '@/lib/experience/types';
import { codeLifetimeMinutes, secondsUntilNextCode } from '@/lib/experience/verification-codes';
import { sendVerificationCode, verifyVerificationCode } from '@/lib/experience/verifications/verification-code';
import { AppError } from '@/lib/errors';
import { getSignInExperience } from '@/lib/sign-in-exp/store';
import { attempt, codePage, currentExperience, goTo, text } from './action-support';
import type { FormState, Problem } from '../form-state';
import { requestScope } from './scope';

export type CodeIdentifier = { type: 'email' | 'phone'; value: string };

/** The code verification `verificationId` names in this interaction, from the engine's public view. */
export function findCodeRecord(experience: Experience, verificationId: string | undefined): { id: string; identifier: CodeIdentifier; verified: boolean } | undefined {
  if (!verificationId) return undefined;
  const record = publicExperience(experience).verificationRecords.find((entry) => entry.id === verificationId);
  if (!record || (record.type !== 'EmailVerificationCode' && record.type !== 'PhoneVerificationCode')) return undefined;
  return { id: verificationId, identifier: record.identifier as CodeIdentifier, verified: record.verified === true };
}

/** The code verification a code form names (`verificationId`), or the engine's error for a stale one. */
export function requireCodeRecord(experience: Experience, formData: FormData) {
  const record = findCodeRecord(experience, text(formData, 'verificationId'));
  if (!record) throw new AppError('session.verification_session_not_found', 404, 'No code verification with this id in this interaction.');
  return record;
}

/** What the code screen says: where the code went, how long it lasts, and how long until another may be sent. */
export async function codeScreenOf(experience: Experience, identifier: CodeIdentifier) {
  const config = await getSignInExperience(experience.db);
  return {
    sentTo: maskedAddress(identifier),
    expiresInMinutes: codeLifetimeMinutes(config.verificationCodePolicy),
    resendInSeconds: await secondsUntilNextCode(experience.db, identifier.type, identifier.value),
  };
}

/** Sends a code for `event` and moves to the code page at `path`. */
export async function sendCodeAndGo(experience: Experience, identifier: CodeIdentifier, event: InteractionEvent, path: string, resent = false): Promise<never> {
  const { verificationId, deliverAfterResponse } = await sendVerificationCode(experience, { identifier, interactionEvent: event }, requestScope().locale);
  // A password-reset code goes out after the answer, so its timing says nothing about the account.
  if (deliverAfterResponse) requestScope().afterResponse(deliverAfterResponse);
  return goTo(`${codePage(path, verificationId)}${resent ? '&resent=1' : ''}`);
}

/** The typed code, or the problem with it: six digits, spaces and dashes forgiven. */
function readCode(formData: FormData): { code: string } | { problem: Problem } {
  const code = text(formData, 'code').replace(/[\s-]/g, '');
  if (!code) return { problem: { code: 'form.code_required' } };
  if (!/^\d{6}$/.test(code)) return { problem: { code: 'form.code_invalid' } };
  return { code };
}

/** Errors about the typed code go beside the code field. */
const codeField = (code: string) => (code.startsWith('verification_code.') ? 'code' : undefined);

/**
 * What every code page's form does first: reads the typed code, verifies the record the form
 * names (a record verified earlier passes when `acceptVerified`: registration and profile come
 * back to it after a missing-profile detour), then runs the flow's next step, which ends in a
 * redirect. Engine errors about the code go beside the field.
 */
export async function verifyCodeForm(
  formData: FormData,
  next: (experience: Experience, record: ReturnType<typeof requireCodeRecord>) => Promise<unknown>,
  { acceptVerified = false } = {},
): Promise<FormState> {
  const typed = readCode(formData);
  if ('problem' in typed) return { values: {}, fieldErrors: { code: typed.problem } };
  return attempt({}, codeField, async () => {
    const experience = await currentExperience();
    const record = requireCodeRecord(experience, formData);
    if (!(acceptVerified && record.verified)) await verifyVerificationCode(experience, { identifier: record.identifier, verificationId: record.id, code: typed.code });
    await next(experience, record);
  });
}

/** The "Send a new code" action of every code page: the same recipient and event, a fresh code page. */
export async function resendCode(formData: FormData, path: string): Promise<FormState> {
  return attempt({}, () => undefined, async () => {
    const experience = await currentExperience();
    const record = requireCodeRecord(experience, formData);
    await sendCodeAndGo(experience, record.identifier, experience.state.interactionEvent ?? 'SignIn', path, true);
  });
}
