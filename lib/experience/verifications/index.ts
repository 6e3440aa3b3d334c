import { z } from 'zod';
import type { User } from '@/db/schema';
import { normalizedIdentifier, type InteractionIdentifier } from '../identifier';
import { newPasswordIdentityRecordSchema } from './new-password-identity';
import { oneTimeTokenRecordSchema } from './one-time-token';
import { passwordRecordSchema } from './password';
import { codeRecordSchema } from './verification-code';

/** Every stored verification record, told apart by `type` (one schema per file in this folder). */
export const verificationRecordSchema = z.discriminatedUnion('type', [
  passwordRecordSchema,
  codeRecordSchema,
  newPasswordIdentityRecordSchema,
  oneTimeTokenRecordSchema,
]);
export type VerificationRecord = z.infer<typeof verificationRecordSchema>;

/** The identifier a record has proven the person controls; undefined until it is verified. */
export function provenIdentifierOf(record: VerificationRecord): InteractionIdentifier | undefined {
  switch (record.type) {
    case 'Password':
    case 'OneTimeToken':
      return record.identifier;
    case 'EmailVerificationCode':
    case 'PhoneVerificationCode':
      return record.verified ? record.identifier : undefined;
    case 'NewPasswordIdentity':
      // Chosen, not proven: it names a new account only.
      return undefined;
  }
}

/** Whether the record proves the person to be `user` (for the ID token's `amr`). */
export function recordProvesUser(record: VerificationRecord, user: Pick<User, 'id' | 'username' | 'primaryEmail' | 'primaryPhone'>): boolean {
  if (record.type === 'Password') return record.userId === user.id;
  if (record.type === 'NewPasswordIdentity') return identifierOfUser(user, record.identifier.type) === normalizedIdentifier(record.identifier);
  const proven = provenIdentifierOf(record);
  return proven !== undefined && identifierOfUser(user, proven.type) === normalizedIdentifier(proven);
}

function identifierOfUser(user: Pick<User, 'username' | 'primaryEmail' | 'primaryPhone'>, type: InteractionIdentifier['type']): string | undefined {
  const value = type === 'username' ? user.username : type === 'email' ? user.primaryEmail : user.primaryPhone;
  return value ? normalizedIdentifier({ type, value }) : undefined;
}

/** RFC 8176 `amr` values for the ID token. */
export function authenticationMethodsOf(record: VerificationRecord): string[] {
  switch (record.type) {
    case 'Password':
    case 'NewPasswordIdentity':
      return ['pwd'];
    case 'EmailVerificationCode':
    case 'PhoneVerificationCode':
    case 'OneTimeToken':
      // A one-time code or link delivered to the address (RFC 8176 `otp`).
      return ['otp'];
  }
}

/** What `GET /api/experience/interaction` shows of a record: Logto's public shape, never a hash or a row id. */
export function publicVerificationRecord(record: VerificationRecord): Record<string, unknown> {
  switch (record.type) {
    case 'Password':
    case 'EmailVerificationCode':
    case 'PhoneVerificationCode':
    case 'OneTimeToken':
      return { id: record.id, type: record.type, identifier: record.identifier, verified: record.verified };
    case 'NewPasswordIdentity':
      return { id: record.id, type: record.type, identifier: record.identifier };
  }
}
