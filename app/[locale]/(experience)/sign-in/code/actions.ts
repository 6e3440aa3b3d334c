'use server';

import { identifyUser } from '@/lib/experience/identify';
import { verifyVerificationCode } from '@/lib/experience/verifications/verification-code';
import { attempt, currentExperience } from '../../_lib/action-support';
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
  // A proven address without an account: say so, with the way to register below the form.
  if (failed.formError?.code === 'user.user_not_exist') return { values: {}, formError: { code: 'form.no_account' } };
  return failed;
}

export async function resendSignInCode(_previous: FormState, formData: FormData): Promise<FormState> {
  return resendCode(formData, '/sign-in/code');
}
