import { addProfile } from '@/lib/experience/profile';
import type { FormState } from '@/app/_experience/form-state';
import { verifyCodeForm } from '@/app/_experience/server/code-support';
import { continueAfterProfile } from '@/app/_experience/server/finish';

/** Proves the added email or phone, adds it to the account, and carries on. */
export function verifyProfileCode(formData: FormData): Promise<FormState> {
  return verifyCodeForm(
    formData,
    async (experience, record) => {
      await addProfile(experience, { type: record.identifier.type, verificationId: record.id });
      await continueAfterProfile(experience);
    },
    { acceptVerified: true },
  );
}
