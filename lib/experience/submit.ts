import { updateUser, updateUserLastSignIn } from '@/db/queries/users';
import { AppError, assertThat } from '@/lib/errors';
import { completeLogin } from '@/lib/oidc/interaction';
import { revokeUserAccess } from '@/lib/oidc/revoke-user';
import { findActiveUser } from './active-user';
import { mapIdentifierRace } from './availability';
import { guardInteractionEvent } from './policy';
import type { PendingProfile } from './profile-state';
import { requireInteractionEvent } from './records';
import { saveExperience, type Experience } from './state';
import { authenticationMethodsOf, recordProvesUser } from './verifications';

export type SubmitResult = {
  /** SignIn and Register: where the browser resumes the authorization. Absent for ForgotPassword. */
  redirectTo?: string;
  /** ForgotPassword: back-channel logout for the ended sessions; run it after responding (`after()`). */
  notifyApps?: () => Promise<void>;
};

/**
 * `POST /api/experience/submit`. SignIn and Register write any pending profile and hand the
 * identified user to the authorization endpoint (200 `{ redirectTo }`). ForgotPassword writes
 * the new password and ends every session and token the account holds (204), in one transaction.
 * Logto runs MFA and binding checks here as well; they join with the MFA work.
 */
export async function submitInteraction(experience: Experience): Promise<SubmitResult> {
  const event = requireInteractionEvent(experience);
  await guardInteractionEvent(experience, event);
  const userId = experience.state.identifiedUserId;
  assertThat(userId, 'session.identifier_not_found', 404, 'Identify the user first (POST /api/experience/identification).');
  const user = await findActiveUser(experience.db, userId);
  if (event === 'ForgotPassword') return submitPasswordReset(experience, user.id);

  await writePendingProfile(experience, user.id);
  const current = await findActiveUser(experience.db, user.id);
  const proofs = experience.state.verificationRecords.filter((record) => recordProvesUser(record, current));
  const amr = [...new Set(proofs.flatMap(authenticationMethodsOf))];
  await updateUserLastSignIn(experience.db, user.id);
  return completeLogin(experience.db, experience.interaction, { userId: user.id, amr });
}

async function writePendingProfile(experience: Experience, userId: string): Promise<void> {
  const profile: PendingProfile = experience.state.profile ?? {};
  if (Object.keys(profile).length === 0) return;
  const next = { ...experience.state, profile: {} };
  try {
    await experience.db.transaction(async (tx) => {
      await updateUser(tx, userId, profile);
      await saveExperience({ ...experience, db: tx, state: next });
    });
  } catch (error) {
    throw mapIdentifierRace(error);
  }
  experience.state = next;
}

async function submitPasswordReset(experience: Experience, userId: string): Promise<SubmitResult> {
  const passwordHash = experience.state.profile?.passwordHash;
  if (!passwordHash) throw new AppError('user.new_password_required_in_profile', 422, 'Set the new password first (PUT /api/experience/profile/password).');
  // The interaction is spent: a second submit must not apply anything again.
  const spent = { verificationRecords: [] };
  const { notifyApps } = await experience.db.transaction(async (tx) => {
    await updateUser(tx, userId, { passwordHash });
    const revoked = await revokeUserAccess(tx, userId);
    await saveExperience({ ...experience, db: tx, state: spent });
    return revoked;
  });
  experience.state = spent;
  return notifyApps ? { notifyApps } : {};
}
