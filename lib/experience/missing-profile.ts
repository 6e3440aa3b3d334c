import type { User } from '@/db/schema';
import { AppError } from '@/lib/errors';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import type { PendingProfile } from './profile-state';

/** `extraProfile`: the operator's profile fields ("Tell us about yourself", lib/sign-in-exp/profile-fields.ts), asked at registration. */
export type MissingProfileField = 'username' | 'email' | 'phone' | 'password' | 'emailOrPhone' | 'extraProfile';

/**
 * What the sign-up settings still ask for, in Logto's `missingProfile` vocabulary: one of the
 * sign-up identifiers (alternatives), a password when `signUp.password`, and every secondary identifier.
 */
export function missingProfileFields(config: SignInExperience, profile: PendingProfile): MissingProfileField[] {
  const has = { username: Boolean(profile.username), email: Boolean(profile.primaryEmail), phone: Boolean(profile.primaryPhone) };
  const missing = new Set<MissingProfileField>();
  const { identifiers, password, secondaryIdentifiers } = config.signUp;
  if (identifiers.length > 0 && !identifiers.some((type) => has[type])) {
    missing.add(identifiers.includes('email') && identifiers.includes('phone') ? 'emailOrPhone' : identifiers[0]!);
  }
  if (password && !profile.passwordHash) missing.add('password');
  for (const { identifier } of secondaryIdentifiers) {
    if (identifier === 'emailOrPhone' ? !has.email && !has.phone : !has[identifier]) missing.add(identifier);
  }
  return [...missing];
}

/** An existing account's profile with the pending one on top: what the account will hold after submit. */
export function profileAfterSubmit(user: Pick<User, 'username' | 'primaryEmail' | 'primaryPhone' | 'passwordHash'>, pending: PendingProfile): PendingProfile {
  return {
    username: pending.username ?? user.username ?? undefined,
    primaryEmail: pending.primaryEmail ?? user.primaryEmail ?? undefined,
    primaryPhone: pending.primaryPhone ?? user.primaryPhone ?? undefined,
    passwordHash: pending.passwordHash ?? user.passwordHash ?? undefined,
  };
}

/**
 * Logto's mandatory profile: 422 `user.missing_profile` with `data.missingProfile` while the
 * sign-up settings ask for more than the profile holds. POST /api/experience/profile fills it in.
 */
export function missingProfileError(missingProfile: MissingProfileField[]): AppError {
  return new AppError('user.missing_profile', 422, 'The sign-up settings ask for more profile data: add it with POST /api/experience/profile.', { missingProfile });
}
