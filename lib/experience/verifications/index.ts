import { z } from 'zod';
import { passwordRecordSchema } from './password';

/** Every stored verification record, told apart by `type` (one schema per file in this folder). */
export const verificationRecordSchema = z.discriminatedUnion('type', [passwordRecordSchema]);
export type VerificationRecord = z.infer<typeof verificationRecordSchema>;

/** The user a verified record proves the person to be; MFA-only records (later) prove no one. */
export function userIdProvedBy(record: VerificationRecord): string | undefined {
  switch (record.type) {
    case 'Password':
      return record.verified ? record.userId : undefined;
  }
}

/** RFC 8176 `amr` values for the ID token. */
export function authenticationMethodsOf(record: VerificationRecord): string[] {
  switch (record.type) {
    case 'Password':
      return ['pwd'];
  }
}

/** What `GET /api/experience/interaction` shows of a record: Logto's public shape, no internal ids. */
export function publicVerificationRecord(record: VerificationRecord): Record<string, unknown> {
  switch (record.type) {
    case 'Password':
      return { id: record.id, type: record.type, identifier: record.identifier, verified: record.verified };
  }
}
