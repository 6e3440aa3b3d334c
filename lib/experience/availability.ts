import type { Executor } from '@/db/client';
import { findUserByIdentifier } from '@/db/queries/users';
import { violatedUniqueConstraint } from '@/db/unique-violation';
import { AppError } from '@/lib/errors';
import type { InteractionIdentifier } from './identifier';

const inUseCodes = { username: 'user.username_already_in_use', email: 'user.email_already_in_use', phone: 'user.phone_already_in_use' } as const;

export function identifierInUse(type: InteractionIdentifier['type']): AppError {
  return new AppError(inUseCodes[type], 422, `This ${type} is already used by another account.`);
}

/** Logto's `guardProfileUniquenessAcrossUsers` for one identifier: 422 `user.<type>_already_in_use`. */
export async function assertIdentifierAvailable(db: Executor, identifier: InteractionIdentifier, exceptUserId?: string): Promise<void> {
  const owner = await findUserByIdentifier(db, identifier);
  if (owner && owner.id !== exceptUserId) throw identifierInUse(identifier.type);
}

/**
 * A write that lost a race to another account taking the same identifier: the unique index
 * (db/schema/users.ts) answers, and the person hears the same code as the check before.
 */
export function mapIdentifierRace(error: unknown): unknown {
  switch (violatedUniqueConstraint(error)) {
    case 'users_username_key':
      return identifierInUse('username');
    case 'users_primary_email_key':
      return identifierInUse('email');
    case 'users_primary_phone_key':
      return identifierInUse('phone');
    default:
      return error;
  }
}
