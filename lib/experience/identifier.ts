import { z } from 'zod';
import { AppError, assertThat } from '@/lib/errors';

/** Logto's `InteractionIdentifier`: what a person types to say who they are. */
export const identifierTypes = ['username', 'email', 'phone'] as const;
export type IdentifierType = (typeof identifierTypes)[number];

export const interactionIdentifierSchema = z.object({
  type: z.enum(identifierTypes),
  value: z.string().trim().min(1).max(256),
});
export type InteractionIdentifier = z.infer<typeof interactionIdentifierSchema>;

/** The identifiers a code can be sent to (Logto's `VerificationCodeIdentifier`). */
export const verificationCodeIdentifierSchema = z.object({
  type: z.enum(['email', 'phone']),
  value: z.string().trim().min(1).max(256),
});
export type VerificationCodeIdentifier = z.infer<typeof verificationCodeIdentifierSchema>;

/**
 * The identifier behind one "Email or username" field. An `@` means email: usernames
 * follow Logto's pattern (`^[A-Z_a-z]\w*$`), which has no `@`, so the guess is never ambiguous.
 */
export function identifierFromInput(text: string): InteractionIdentifier {
  const value = text.trim();
  return { type: value.includes('@') ? 'email' : 'username', value };
}

/**
 * A phone number as stored: digits only, the way Logto keeps `primary_phone` (country code
 * first, no `+`). People type "+82 10-1234-5678" or "(010) 1234 5678"; separators go,
 * anything else is not a phone number.
 */
export function normalizePhone(value: string): string {
  const digits = phoneDigits(value);
  if (!/^\d{5,20}$/.test(digits)) throw new AppError('guard.invalid_input', 400, 'The phone number must be digits, with an optional leading +.');
  return digits;
}

/** The number without its leading `+` and separators; not yet checked to be digits. */
function phoneDigits(value: string): string {
  return value.trim().replace(/^\+/, '').replace(/[\s\-().]/g, '');
}

/**
 * One plain address (Logto's `emailRegEx` guard). Codes are sent to it: a list
 * ("a@x, b@y") or a display name would reach someone else too, and each spelling would
 * count as a new recipient for the send limit.
 */
const emailAddressSchema = z.email().max(254);

/** The identifier as the engine compares and stores it: trimmed, emails single plain addresses, phones in their one spelling. */
export function normalizeIdentifier<T extends InteractionIdentifier>(identifier: T): T {
  const value = identifier.type === 'phone' ? normalizePhone(identifier.value) : identifier.value.trim();
  if (identifier.type === 'email' && !emailAddressSchema.safeParse(value).success) {
    throw new AppError('guard.invalid_input', 400, 'The email must be one plain address, like name@example.com.');
  }
  return { ...identifier, value };
}

/**
 * One spelling per identifier, for counters and comparisons: usernames and emails are
 * unique regardless of case (db/schema/users.ts), so "Alice" and "alice" are one target.
 */
export function normalizedIdentifier({ type, value }: InteractionIdentifier): string {
  if (type === 'phone') return `phone:${phoneDigits(value)}`;
  return `${type}:${value.trim().toLowerCase()}`;
}

/** Two spellings of one identifier name the same account. */
export function sameIdentifier(a: InteractionIdentifier, b: InteractionIdentifier): boolean {
  return a.type === b.type && normalizedIdentifier(a) === normalizedIdentifier(b);
}

/** Logto's username rule: a letter or underscore, then word characters. */
const USERNAME_PATTERN = /^[A-Z_a-z]\w*$/;

/** 422 `user.invalid_username` unless `value` follows Logto's username rule. */
export function assertValidUsername(value: string): void {
  assertThat(USERNAME_PATTERN.test(value), 'user.invalid_username', 422, 'A username starts with a letter or _ and has only letters, digits and _.');
}
