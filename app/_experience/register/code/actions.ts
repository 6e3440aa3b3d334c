import type { FormState } from '@/app/_experience/form-state';
import { verifyCodeForm } from '@/app/_experience/server/code-support';
import { finishRegistration } from '@/app/_experience/server/finish';

/** Checks the code that proves the new account's address, then creates the account (or asks what is missing). */
export function verifyRegisterCode(formData: FormData): Promise<FormState> {
  return verifyCodeForm(formData, (experience, record) => finishRegistration(experience, record.id), { acceptVerified: true });
}
