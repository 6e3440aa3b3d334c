import { insertUser } from '@/db/queries/users';
import { AppError, assertThat } from '@/lib/errors';
import { generateId } from '@/lib/security/ids';
import type { CustomProfileField } from '@/db/schema';
import { assertEmailAllowed } from '@/lib/sign-in-exp/email-blocklist';
import { checkProfileValues, profileColumns, type ProfileValue } from '@/lib/sign-in-exp/profile-fields';
import { getProfileFields } from '@/lib/sign-in-exp/profile-fields-store';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import { assertIdentifierAvailable, mapIdentifierRace } from './availability';
import { requireVerificationRecord } from './records';
import { sameIdentifier, type InteractionIdentifier } from './identifier';
import { guardSignUpIdentifier, signInExperienceOf } from './policy';
import { missingProfileError, missingProfileFields } from './missing-profile';
import type { PendingProfile } from './profile-state';
import { saveExperience, saveExperienceWith, type Experience } from './state';
import type { VerificationRecord } from './verifications';

const profileKey = { username: 'username', email: 'primaryEmail', phone: 'primaryPhone' } as const;

/** The profile a registration record brings: the identifier it names, and the password it chose. */
function profileFromRecord(config: SignInExperience, record: VerificationRecord, invited: (identifier: InteractionIdentifier) => boolean): PendingProfile {
  switch (record.type) {
    case 'NewPasswordIdentity':
      guardSignUpIdentifier(config, record.identifier.type);
      return { [profileKey[record.identifier.type]]: record.identifier.value, passwordHash: record.passwordHash };
    case 'EmailVerificationCode':
    case 'PhoneVerificationCode':
      assertThat(record.verified && record.purpose !== 'ForgotPassword', 'session.verification_failed', 400, 'Verify the code first.');
      if (!invited(record.identifier)) guardSignUpIdentifier(config, record.identifier.type);
      return { [profileKey[record.identifier.type]]: record.identifier.value };
    case 'OneTimeToken':
      // The operator issued the link for this address: it registers whatever the sign-up identifiers say.
      return { primaryEmail: record.identifier.value };
    case 'Password':
      throw new AppError('session.verification_failed', 400, 'A password sign-in verification cannot register an account.');
  }
}

/**
 * The answers to the operator's profile fields that the account gets, or undefined while the
 * fields ask for more. Answers are checked again against the fields as they are now: one added
 * or made required since is asked, and one removed since is dropped.
 */
function profileAnswers(fields: CustomProfileField[], profile: PendingProfile): Record<string, ProfileValue> | undefined {
  if (fields.length === 0) return {};
  if (!profile.extraProfile) return undefined;
  const current = Object.fromEntries(Object.entries(profile.extraProfile).filter(([name]) => fields.some((field) => field.name === name)));
  const { values, problems } = checkProfileValues(fields, current);
  return Object.keys(problems).length === 0 ? values : undefined;
}

/** Whether a redeemed magic link of this interaction was issued for `identifier`. */
function invitationCheck(experience: Experience): (identifier: InteractionIdentifier) => boolean {
  const invitations = experience.state.verificationRecords.filter((record) => record.type === 'OneTimeToken' && record.verified);
  return (identifier) => invitations.some((record) => sameIdentifier(record.identifier, identifier));
}

/**
 * Register's identification: the account is created only once everything the sign-up settings
 * require is there, in one transaction with the interaction's new state. Until then the answer
 * is 422 `user.missing_profile` with `data.missingProfile`, and nothing is written to `users`.
 */
export async function registerUser(experience: Experience, verificationId: string | undefined): Promise<{ created: boolean }> {
  // Identified already (the account was created by an earlier call): nothing more to do.
  if (experience.state.identifiedUserId) return { created: false };
  const config = await signInExperienceOf(experience);
  const invited = invitationCheck(experience);
  const fromRecord = verificationId ? profileFromRecord(config, requireVerificationRecord(experience, verificationId), invited) : {};
  const profile: PendingProfile = { ...experience.state.profile, ...fromRecord };
  // Where only sign-in is open, a magic link invites its own email, not whatever else the interaction proved.
  if (config.signInMode === 'SignIn') {
    const invitedEmail = profile.primaryEmail !== undefined && invited({ type: 'email', value: profile.primaryEmail });
    assertThat(invitedEmail, 'auth.forbidden', 403, 'Registration is by invitation only: register the email the link was sent to.');
  }

  // The operator's blocklist (a magic link's address was chosen by the operator, so it passes).
  if (profile.primaryEmail && !invited({ type: 'email', value: profile.primaryEmail })) await assertEmailAllowed(config.emailBlocklistPolicy, profile.primaryEmail);

  const identifiers: InteractionIdentifier[] = [];
  if (profile.username) identifiers.push({ type: 'username', value: profile.username });
  if (profile.primaryEmail) identifiers.push({ type: 'email', value: profile.primaryEmail });
  if (profile.primaryPhone) identifiers.push({ type: 'phone', value: profile.primaryPhone });
  for (const identifier of identifiers) await assertIdentifierAvailable(experience.db, identifier);

  // The sign-up settings' fields first, then "Tell us about yourself" (as Logto asks them).
  const answers = profileAnswers(await getProfileFields(experience.db), profile);
  const missingProfile = missingProfileFields(config, profile);
  if (missingProfile.length === 0 && !answers) missingProfile.push('extraProfile');
  if (missingProfile.length > 0) {
    // Keep what the record brought, so POST /profile can complete it and identification run again.
    experience.state = { ...experience.state, profile };
    await saveExperience(experience);
    throw missingProfileError(missingProfile);
  }

  const userId = generateId();
  try {
    await saveExperienceWith(experience, { ...experience.state, identifiedUserId: userId, profile: {} }, (tx) =>
      insertUser(tx, {
        id: userId,
        username: profile.username ?? null,
        primaryEmail: profile.primaryEmail ?? null,
        primaryPhone: profile.primaryPhone ?? null,
        passwordHash: profile.passwordHash ?? null,
        ...profileColumns(answers ?? {}),
      }),
    );
  } catch (error) {
    throw mapIdentifierRace(error);
  }
  return { created: true };
}
