import { identifyUser } from '@/lib/experience/identify';
import { startInteractionEvent, switchInteractionEvent } from '@/lib/experience/interaction';
import { verifyOneTimeTokenIdentity } from '@/lib/experience/verifications/one-time-token';
import type { ExperienceScreen } from '@/lib/experience/screen';
import { AppError } from '@/lib/errors';
import { attempt, currentExperience } from '@/app/_experience/server/action-support';
import { finishRegistration, finishSignIn } from '@/app/_experience/server/finish';
import type { FormState } from '@/app/_experience/form-state';

type MagicLink = NonNullable<ExperienceScreen['magicLink']>;

/**
 * "Continue as …" on a magic link: only this POST spends the token (a GET never does, since
 * mail scanners open links). The token and address come from the interaction the link
 * started (the page's screen), not from the form. The address signs in its account, or
 * registers one as Logto's one-time-token flow does.
 */
export async function continueWithMagicLink(link: MagicLink): Promise<FormState> {
  return attempt({}, () => undefined, async () => {
    const experience = await currentExperience();
    await startInteractionEvent(experience, 'SignIn');
    const { verificationId } = await verifyOneTimeTokenIdentity(experience, { identifier: { type: 'email', value: link.email }, token: link.token });
    try {
      await identifyUser(experience, verificationId);
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'user.user_not_exist')) throw error;
      await switchInteractionEvent(experience, 'Register');
      await finishRegistration(experience, verificationId);
    }
    await finishSignIn(experience);
  });
}
