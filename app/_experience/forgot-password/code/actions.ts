import { identifyUser } from '@/lib/experience/identify';
import { verifyVerificationCode } from '@/lib/experience/verifications/verification-code';
import { attempt, currentExperience, goTo } from '@/app/_experience/server/action-support';
import { codeField, readCode, requireCodeRecord } from '@/app/_experience/server/code-support';
import type { FormState } from '@/app/_experience/form-state';

/** Checks the reset code and identifies its account; an unknown address fails like a wrong code (engine). */
export async function verifyResetCode(formData: FormData): Promise<FormState> {
  const typed = readCode(formData);
  if ('problem' in typed) return { values: {}, fieldErrors: { code: typed.problem } };
  return attempt({}, codeField, async () => {
    const experience = await currentExperience();
    const record = requireCodeRecord(experience, formData);
    await verifyVerificationCode(experience, { identifier: record.identifier, verificationId: record.id, code: typed.code });
    await identifyUser(experience, record.id);
    goTo('/forgot-password/new-password');
  });
}
