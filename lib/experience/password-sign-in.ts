import { identifyUser } from './identify';
import { startInteractionEvent } from './interaction';
import type { Experience } from './state';
import { submitInteraction } from './submit';
import { verifyPasswordIdentity, type PasswordVerificationInput } from './verifications/password';

/**
 * The sign-in page's one form: the same steps, in the same order, that a custom UI makes
 * through the Experience API (PUT, verification/password, identification, submit).
 */
export async function signInWithPassword(experience: Experience, input: PasswordVerificationInput): Promise<{ redirectTo: string }> {
  await startInteractionEvent(experience, 'SignIn');
  const { verificationId } = await verifyPasswordIdentity(experience, input);
  await identifyUser(experience, verificationId);
  const { redirectTo } = await submitInteraction(experience);
  if (!redirectTo) throw new Error('A SignIn submit always resumes the authorization');
  return { redirectTo };
}
