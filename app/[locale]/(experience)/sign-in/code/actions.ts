'use server';

import { identifyUser } from '@/lib/experience/identify';
import { verifyVerificationCode } from '@/lib/experience/verifications/verification-code';
import { attempt, currentExperience, goTo, text } from '../../_lib/action-support';
import { codeField, readCode, requireCodeRecord, resendCode } from '../../_lib/code-support';
import { finishSignIn } from '../../_lib/finish';
import type { FormState } from '../../_lib/form-state';

/** Checks the code, signs in the account that owns the address, and resumes the authorization. */
export async function verifySignInCode(_previous: FormState, formData: FormData): Promise<FormState> {
  const typed = readCode(formData);
  if ('problem' in typed) return { values: {}, fieldErrors: { code: typed.problem } };
  const failed = await attempt({}, codeField, async () => {
    const experience = await currentExperience();
    const record = requireCodeRecord(experience, formData);
    await verifyVerificationCode(experience, { identifier: record.identifier, verificationId: record.id, code: typed.code });
    await identifyUser(experience, record.id);
    await finishSignIn(experience);
  });
  // A proven address without an account: offer to create one with it (Logto asks the same).
  if (failed.formError?.code === 'user.user_not_exist') return goTo(`/sign-in/no-account?v=${encodeURIComponent(text(formData, 'verificationId'))}`);
  return failed;
}

export async function resendSignInCode(_previous: FormState, formData: FormData): Promise<FormState> {
  return resendCode(formData, '/sign-in/code');
}
