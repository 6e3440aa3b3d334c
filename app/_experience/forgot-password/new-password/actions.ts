import { resetPassword } from '@/lib/experience/profile';
import { submitInteraction } from '@/lib/experience/submit';
import { attempt, currentExperience, goTo } from '@/app/_experience/server/action-support';
import { requestScope } from '@/app/_experience/server/scope';
import type { FormState } from '@/app/_experience/form-state';

/** Broken password rules and the unchanged password go beside the field; anything else at the top of the form. */
const passwordField = (code: string) => (code.startsWith('password') || code === 'user.same_password' ? 'password' : undefined);

/**
 * Password reset, step 3: the new password (checked against the policy and the current one),
 * then submit, which ends the account's other sessions; the apps and webhooks hear of it after the response.
 */
export async function saveNewPassword(formData: FormData): Promise<FormState> {
  const password = formData.get('password');
  if (typeof password !== 'string' || !password) return { values: {}, fieldErrors: { password: { code: 'form.password_required' } } };
  return attempt({}, passwordField, async () => {
    const experience = await currentExperience();
    await resetPassword(experience, password);
    const { afterResponse } = await submitInteraction(experience);
    if (afterResponse) requestScope().afterResponse(afterResponse);
    goTo('/forgot-password/done');
  });
}
