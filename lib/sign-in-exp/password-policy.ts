import { AppError } from '@/lib/errors';
import type { PasswordPolicy } from './schema';

/** One broken rule, in Logto's `password_rejected.*` vocabulary, with what the page needs to say it. */
export type PasswordIssue = { code: string; interpolation?: Record<string, number | string> };

/** What the policy may compare a new password against (Logto's `rejects.userInfo`). */
export type PasswordUserInfo = { username?: string | null; email?: string | null; phone?: string | null; name?: string | null };

const characterClasses = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/];

/**
 * Every rule a new password breaks, empty when it may be used. The pages show these next to
 * the field; the engine rejects with `password.rejected` and the issues as `data`.
 */
export function passwordPolicyIssues(password: string, policy: PasswordPolicy, _userInfo: PasswordUserInfo = {}): PasswordIssue[] {
  const issues: PasswordIssue[] = [];
  const length = [...password].length;
  if (length < policy.length.min) issues.push({ code: 'password_rejected.too_short', interpolation: { min: policy.length.min } });
  if (length > policy.length.max) issues.push({ code: 'password_rejected.too_long', interpolation: { max: policy.length.max } });
  const classes = characterClasses.filter((pattern) => pattern.test(password)).length;
  if (classes < policy.characterTypes.min) {
    issues.push({ code: 'password_rejected.character_types', interpolation: { min: policy.characterTypes.min } });
  }
  return issues;
}

export function assertPasswordMeetsPolicy(password: string, policy: PasswordPolicy, userInfo?: PasswordUserInfo): void {
  const issues = passwordPolicyIssues(password, policy, userInfo);
  if (issues.length > 0) {
    throw new AppError('password.rejected', 422, 'The password does not meet the password policy.', { result: false, issues });
  }
}
