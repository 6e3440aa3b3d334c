import { identifyUser } from '@/lib/experience/identify';
import type { FormState } from '@/app/_experience/form-state';
import { goTo, text } from '@/app/_experience/server/action-support';
import { verifyCodeForm } from '@/app/_experience/server/code-support';
import { finishSignIn } from '@/app/_experience/server/finish';

/** Checks the code, signs in the account that owns the address, and resumes the authorization. */
export async function verifySignInCode(formData: FormData): Promise<FormState> {
  const failed = await verifyCodeForm(formData, async (experience, record) => {
    await identifyUser(experience, record.id);
    await finishSignIn(experience);
  });
  // A proven address without an account: offer to create one with it (Logto asks the same).
  if (failed.formError?.code === 'user.user_not_exist') return goTo(`/sign-in/no-account?v=${encodeURIComponent(text(formData, 'verificationId'))}`);
  return failed;
}
