import { AppError, assertThat } from '@/lib/errors';
import { findActiveUser } from './active-user';
import { INTERACTION_NOT_FOUND } from './interaction';
import { guardInteractionEvent, guardSignInMethod } from './policy';
import { findVerificationRecord, saveExperience, type Experience } from './state';
import { userIdProvedBy } from './verifications';

export const VERIFICATION_NOT_FOUND = 'session.verification_session_not_found';

/**
 * `POST /api/experience/identification` (204 for SignIn): the verified record names the
 * user this interaction signs in. Codes and order follow Logto's `identifyUser`.
 */
export async function identifyUser(experience: Experience, verificationId: string): Promise<void> {
  const event = experience.state.interactionEvent;
  if (!event) throw new AppError(INTERACTION_NOT_FOUND, 404, 'Start with PUT /api/experience and an interactionEvent.');
  const record = findVerificationRecord(experience, verificationId);
  if (!record) throw new AppError(VERIFICATION_NOT_FOUND, 404, 'No verification with this id in this interaction.');

  // The policy may have changed since the event was set.
  guardInteractionEvent(event);
  // Sign-in is the one flow built so far: issue 4 adds Register (creates the user, 201) and ForgotPassword.
  assertThat(event === 'SignIn', 'session.invalid_interaction_type', 400, `Identification is not available for ${event} yet.`);
  guardSignInMethod(record);

  const userId = userIdProvedBy(record);
  assertThat(userId, 'session.verification_failed', 400, 'This verification does not identify a user.');
  const user = await findActiveUser(experience.db, userId);
  const alreadyIdentified = experience.state.identifiedUserId;
  assertThat(!alreadyIdentified || alreadyIdentified === user.id, 'session.identity_conflict', 409, 'This interaction already identified another user.');

  experience.state = { ...experience.state, identifiedUserId: user.id };
  await saveExperience(experience);
}
