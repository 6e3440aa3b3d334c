import { updateUser } from '@/db/queries/users';
import type { User } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { hookDeliveries, hookEventAfter, hookUser } from '@/lib/hooks/deliver';
import { findClient } from '@/lib/oidc/clients';
import { completeLogin } from '@/lib/oidc/interaction';
import { revokeUserAccess } from '@/lib/oidc/revoke-user';
import { assertEmailAllowed } from '@/lib/sign-in-exp/email-blocklist';
import { requireIdentifiedUser } from './active-user';
import { mapIdentifierRace } from './availability';
import { missingProfileError, missingProfileFields, profileAfterSubmit } from './missing-profile';
import { guardInteractionEvent, signInExperienceOf } from './policy';
import type { PendingProfile } from './profile-state';
import { requireInteractionEvent } from './records';
import { saveExperienceWith, type Experience } from './state';
import type { InteractionEvent } from './types';
import { authenticationMethodsOf, recordProvesUser } from './verifications';

export type SubmitResult = {
  /** SignIn and Register: where the browser resumes the authorization. Absent for ForgotPassword. */
  redirectTo?: string;
  /**
   * What to tell others once the person has their answer (`after()`): the webhooks listening to
   * the event (PostSignIn, PostRegister, PostResetPassword), and after a reset the back-channel
   * logout of the ended sessions. Absent when there is nobody to tell.
   */
  afterResponse?: () => Promise<void>;
};

/**
 * `POST /api/experience/submit`. SignIn and Register check the profile the sign-up settings
 * require (422 `user.missing_profile`, as Logto's mandatory profile: settings may have changed
 * since the account was made), then write the pending profile, the sign-in time and the
 * login result in one transaction, and hand the user to the authorization endpoint (200
 * `{ redirectTo }`). ForgotPassword writes the new password and ends every session and token
 * the account holds (204), in one transaction.
 * Logto runs MFA and binding checks here as well; they join with the MFA work.
 */
export async function submitInteraction(experience: Experience): Promise<SubmitResult> {
  const event = requireInteractionEvent(experience);
  await guardInteractionEvent(experience, event);
  const user = await requireIdentifiedUser(experience);
  if (event === 'ForgotPassword') {
    const { notifyApps } = await submitPasswordReset(experience, user.id);
    return withAfterResponse({}, notifyApps, await hooksAfter(experience, event, user));
  }

  const pending: PendingProfile = experience.state.profile ?? {};
  const config = await signInExperienceOf(experience);
  const missingProfile = missingProfileFields(config, profileAfterSubmit(user, pending));
  if (missingProfile.length > 0) throw missingProfileError(missingProfile);
  // An email added during this sign-in is checked again: the operator may have blocked it since.
  if (pending.primaryEmail) await assertEmailAllowed(config.emailBlocklistPolicy, pending.primaryEmail);

  // The account as it will be once the pending profile is written: a newly added address counts as proven.
  const signedIn = { ...user, ...pending };
  const proofs = experience.state.verificationRecords.filter((record) => recordProvesUser(record, signedIn));
  const amr = [...new Set(proofs.flatMap(authenticationMethodsOf))];
  const result = await completeSignIn(experience, user.id, pending, amr);
  return withAfterResponse(result, await hooksAfter(experience, event, signedIn));
}

async function completeSignIn(experience: Experience, userId: string, pending: PendingProfile, amr: string[]): Promise<{ redirectTo: string }> {
  // Nothing to write to the account: one statement records the result and the last sign-in.
  if (Object.keys(pending).length === 0) return completeLogin(experience.db, experience.interaction, { userId, amr });
  try {
    return await saveExperienceWith(experience, { ...experience.state, profile: {} }, async (tx) => {
      await updateUser(tx, userId, pending);
      // Records the last sign-in too.
      return completeLogin(tx, experience.interaction, { userId, amr });
    });
  } catch (error) {
    throw mapIdentifierRace(error);
  }
}

async function submitPasswordReset(experience: Experience, userId: string): Promise<{ notifyApps?: () => Promise<void> }> {
  const passwordHash = experience.state.profile?.passwordHash;
  if (!passwordHash) throw new AppError('user.new_password_required_in_profile', 422, 'Set the new password first (PUT /api/experience/profile/password).');
  // The interaction is spent: a second submit must not apply anything again.
  const spent = { verificationRecords: [] };
  return saveExperienceWith(experience, spent, async (tx) => {
    await updateUser(tx, userId, { passwordHash });
    return revokeUserAccess(tx, userId);
  });
}

/** The webhook deliveries the submitted event calls for (none without a listening hook: no query then). */
function hooksAfter(experience: Experience, event: InteractionEvent, user: User): Promise<(() => Promise<void>) | undefined> {
  return hookDeliveries(experience.db, hookEventAfter(event), async () => {
    const client = await findClient(experience.interaction.applicationId);
    return {
      createdAt: new Date().toISOString(),
      interactionEvent: event,
      userId: user.id,
      user: hookUser(user),
      ...(client ? { application: { id: client.id, type: client.type, name: client.name, description: client.description } } : {}),
    };
  });
}

function withAfterResponse<T extends object>(result: T, ...tasks: Array<(() => Promise<void>) | undefined>): T & SubmitResult {
  const due = tasks.filter((task) => task !== undefined);
  if (due.length === 0) return result;
  return {
    ...result,
    afterResponse: async () => {
      await Promise.all(due.map((task) => task()));
    },
  };
}
