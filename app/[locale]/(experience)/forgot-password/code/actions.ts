'use server';

import { identifyUser } from '@/lib/experience/identify';
import { verifyVerificationCode } from '@/lib/experience/verifications/verification-code';
import { attempt, currentExperience, goTo, text } from '../../_lib/action-support';
import { codeField, findCodeRecord, readCode, resendCode } from '../../_lib/code-support';
import type { FormState } from '../../_lib/form-state';

/** Checks the reset code and identifies its account; an unknown address fails like a wrong code (engine). */
export async function verifyResetCode(_previous: FormState, formData: FormData): Promise<FormState> {
  const typed = readCode(formData);
  if ('problem' in typed) return { values: {}, fieldErrors: { code: typed.problem } };
  const experience = await currentExperience();
  const record = findCodeRecord(experience, text(formData, 'verificationId'));
  if (!record) return { values: {}, formError: { code: 'session.verification_session_not_found' } };
  const failed = await attempt({}, codeField, async () => {
    await verifyVerificationCode(experience, { identifier: record.identifier, verificationId: record.id, code: typed.code });
    await identifyUser(experience, record.id);
    await goTo('/forgot-password/new-password');
  });
  return failed!;
}

export async function resendResetCode(_previous: FormState, formData: FormData): Promise<FormState> {
  return resendCode(formData, '/forgot-password/code');
}
