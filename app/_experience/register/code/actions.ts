import { verifyVerificationCode } from '@/lib/experience/verifications/verification-code';
import { attempt, currentExperience } from '@/app/_experience/server/action-support';
import { codeField, readCode, requireCodeRecord } from '@/app/_experience/server/code-support';
import { finishRegistration } from '@/app/_experience/server/finish';
import type { FormState } from '@/app/_experience/form-state';

/** Checks the code that proves the new account's address, then creates the account (or asks what is missing). */
export async function verifyRegisterCode(formData: FormData): Promise<FormState> {
  const typed = readCode(formData);
  if ('problem' in typed) return { values: {}, fieldErrors: { code: typed.problem } };
  return attempt({}, codeField, async () => {
    const experience = await currentExperience();
    const record = requireCodeRecord(experience, formData);
    if (!record.verified) await verifyVerificationCode(experience, { identifier: record.identifier, verificationId: record.id, code: typed.code });
    await finishRegistration(experience, record.id);
  });
}
