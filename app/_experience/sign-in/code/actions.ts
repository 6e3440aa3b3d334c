import { identifyUser } from '@/lib/experience/identify';
import { verifyVerificationCode } from '@/lib/experience/verifications/verification-code';
import { attempt, currentExperience, goTo, text } from '@/app/_experience/server/action-support';
import { codeField, readCode, requireCodeRecord } from '@/app/_experience/server/code-support';
import { finishSignIn } from '@/app/_experience/server/finish';
import type { FormState } from '@/app/_experience/form-state';

/** Checks the code, signs in the account that owns the address, and resumes the authorization. */
export async function verifySignInCode(formData: FormData): Promise<FormState> {
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
