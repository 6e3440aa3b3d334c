import { addProfile } from '@/lib/experience/profile';
import { verifyVerificationCode } from '@/lib/experience/verifications/verification-code';
import { attempt, currentExperience } from '@/app/_experience/server/action-support';
import { codeField, readCode, requireCodeRecord } from '@/app/_experience/server/code-support';
import type { FormState } from '@/app/_experience/form-state';
import { continueAfterProfile } from '@/app/_experience/server/finish';

/** Proves the added email or phone, adds it to the account, and carries on. */
export async function verifyProfileCode(formData: FormData): Promise<FormState> {
  const typed = readCode(formData);
  if ('problem' in typed) return { values: {}, fieldErrors: { code: typed.problem } };
  return attempt({}, codeField, async () => {
    const experience = await currentExperience();
    const record = requireCodeRecord(experience, formData);
    if (!record.verified) await verifyVerificationCode(experience, { identifier: record.identifier, verificationId: record.id, code: typed.code });
    await addProfile(experience, { type: record.identifier.type, verificationId: record.id });
    await continueAfterProfile(experience);
  });
}
