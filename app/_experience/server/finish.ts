import { identifyUser } from '@/lib/experience/identify';
import type { Experience } from '@/lib/experience/state';
import { submitInteraction } from '@/lib/experience/submit';
import { AppError } from '@/lib/errors';
import { goTo } from './action-support';
import { Redirect, requestScope } from './scope';

/** `user.missing_profile` sends the person to the page that asks for what is missing, in the engine's order. */
async function orCompleteProfile<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    const missing = error instanceof AppError && error.code === 'user.missing_profile' ? error.data?.missingProfile : undefined;
    if (Array.isArray(missing) && missing.length > 0) return goTo(`/complete-profile?missing=${encodeURIComponent(missing.join(' '))}`);
    throw error;
  }
}

/** The user is identified: submit, and go where the authorization resumes. */
export async function finishSignIn(experience: Experience): Promise<never> {
  const { redirectTo, afterResponse } = await orCompleteProfile(() => submitInteraction(experience));
  if (!redirectTo) throw new AppError('session.invalid_interaction_type', 400, 'This interaction does not sign anyone in.');
  // Webhooks hear of the sign-in once the browser is on its way.
  if (afterResponse) requestScope().afterResponse(afterResponse);
  // An absolute URL on our own origin: /oidc/auth/resume carries the authorization on.
  throw new Redirect(redirectTo);
}

/** Register's identification (creating the account once nothing is missing), then the same as sign-in. */
export async function finishRegistration(experience: Experience, verificationId?: string): Promise<never> {
  await orCompleteProfile(() => identifyUser(experience, verificationId));
  return finishSignIn(experience);
}

/** A missing piece was added: Register tries to create the account again, SignIn submits. */
export async function continueAfterProfile(experience: Experience): Promise<never> {
  if (experience.state.interactionEvent === 'Register') return finishRegistration(experience);
  return finishSignIn(experience);
}
