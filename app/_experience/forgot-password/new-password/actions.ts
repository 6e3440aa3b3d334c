import { after } from 'next/server';
import { resetPassword } from '@/lib/experience/profile';
import { submitInteraction } from '@/lib/experience/submit';
import { attempt, currentExperience, goTo } from '@/app/_experience/server/action-support';
import type { FormState } from '@/app/_experience/form-state';

/**
 * Password reset, step 3: the new password (checked against the policy and the current one),
 * then submit, which ends the account's other sessions; the apps hear of it after the response.
 */
export async function saveNewPassword(_previous: FormState, formData: FormData): Promise<FormState> {
  const password = formData.get('password');
  if (typeof password !== 'string' || !password) return { values: {}, fieldErrors: { password: { code: 'form.password_required' } } };
  return attempt({}, (code) => (code.startsWith('password') || code === 'user.same_password' ? 'password' : undefined), async () => {
    const experience = await currentExperience();
    await resetPassword(experience, password);
    const { notifyApps } = await submitInteraction(experience);
    if (notifyApps) after(notifyApps);
    await goTo('/forgot-password/done');
  });
}
