import { AppError } from '@/lib/errors';
import { isCommonPassword } from './common-passwords';
import { restrictedPhraseKinds } from './password-restricted';
import type { PasswordPolicy } from './schema';

/** One broken rule, in Logto's `password_rejected.*` vocabulary, with what the page needs to say it. */
export type PasswordIssue = { code: string; interpolation?: Record<string, number | string> };

/** What the policy may compare a new password against (Logto's `rejects.userInfo`). */
export type PasswordUserInfo = { username?: string | null; email?: string | null; phone?: string | null; name?: string | null };

// Lower case, upper case, digits, and everything else printable (Logto's symbols, plus spaces and
// non-Latin letters, which NIST SP 800-63B §5.1.1.2 says a verifier should accept).
const characterClasses = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/];
// Control characters and lone surrogates cannot be typed back reliably (and a newline or NUL in a
// password is a bug, not entropy). Logto refuses everything outside ASCII; Sesame only these.
const unsupportedCharacter = /[\p{Cc}\p{Cs}]/u;

/** Length in code points, so a Korean syllable or an emoji counts as one character. */
function lengthIssues(password: string, policy: PasswordPolicy): PasswordIssue[] {
  const length = [...password].length;
  if (length < policy.length.min) return [{ code: 'password_rejected.too_short', interpolation: { min: policy.length.min } }];
  if (length > policy.length.max) return [{ code: 'password_rejected.too_long', interpolation: { max: policy.length.max } }];
  return [];
}

function characterIssues(password: string, policy: PasswordPolicy): PasswordIssue[] {
  if (unsupportedCharacter.test(password)) return [{ code: 'password_rejected.unsupported_characters' }];
  const classes = characterClasses.filter((pattern) => pattern.test(password)).length;
  if (classes < policy.characterTypes.min) {
    return [{ code: 'password_rejected.character_types', interpolation: { min: policy.characterTypes.min } }];
  }
  return [];
}

/**
 * Every rule a new password breaks, empty when it may be used. The pages show these next to
 * the field; the engine rejects with `password.rejected` and the issues as `data`. Order as
 * Logto: length, characters, pwned, then the restricted phrases.
 */
export function passwordPolicyIssues(password: string, policy: PasswordPolicy, userInfo: PasswordUserInfo = {}): PasswordIssue[] {
  const issues = [...lengthIssues(password, policy), ...characterIssues(password, policy)];
  // Logto asks Have I Been Pwned; Sesame checks the most common breached passwords shipped with it.
  if (policy.rejects.pwned && isCommonPassword(password)) issues.push({ code: 'password_rejected.pwned' });
  for (const kind of restrictedPhraseKinds(password, policy.rejects, userInfo)) issues.push({ code: `password_rejected.restricted.${kind}` });
  return issues;
}

export function assertPasswordMeetsPolicy(password: string, policy: PasswordPolicy, userInfo?: PasswordUserInfo): void {
  const issues = passwordPolicyIssues(password, policy, userInfo);
  if (issues.length > 0) {
    throw new AppError('password.rejected', 422, 'The password does not meet the password policy.', { result: false, issues });
  }
}
