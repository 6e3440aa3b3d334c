import { identifyUser } from '@/lib/experience/identify';
import type { FormState } from '@/app/_experience/form-state';
import { goTo } from '@/app/_experience/server/action-support';
import { verifyCodeForm } from '@/app/_experience/server/code-support';

/** Checks the reset code and identifies its account; an unknown address fails like a wrong code (engine). */
export function verifyResetCode(formData: FormData): Promise<FormState> {
  return verifyCodeForm(formData, async (experience, record) => {
    await identifyUser(experience, record.id);
    goTo('/forgot-password/new-password');
  });
}
