import { commonPasswordsText } from './data/common-passwords';

let commonPasswords: Set<string> | undefined;

/**
 * Whether the password is one of the most common (breached) passwords, compared in lower case:
 * `Password` is as guessable as `password`. The Set is built on first use, not at import, so a
 * process that never checks a new password never pays for it (~50k entries, a few MB).
 */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(commonPasswordsText.split('\n'));
  return commonPasswords.has(password.toLowerCase());
}
