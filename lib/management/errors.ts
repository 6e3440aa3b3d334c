import { violatedUniqueConstraint } from '@/db/unique-violation';
import { AppError } from '@/lib/errors';

/** The one "load or 404" path: Logto's `entity.not_exists_with_id` with the entity name and id. */
export function assertFound(exists: boolean, entity: string, id: string): void {
  if (!exists) throw new AppError('entity.not_exists_with_id', 404, `The ${entity} with ID \`${id}\` does not exist.`, { name: entity, id });
}

export function found<T>(value: T | undefined | null, entity: string, id: string): T {
  assertFound(value !== undefined && value !== null, entity, id);
  return value as T;
}

/** A relation (secret name, role assignment) that is not there: Logto's `entity.not_found`. */
export function assertRemoved(removed: boolean, what: string): void {
  if (!removed) throw new AppError('entity.not_found', 404, `${what} does not exist.`);
}

/**
 * Runs a write and turns a unique-constraint violation into the caller's typed error.
 * The database is the arbiter, so two concurrent requests cannot both pass a pre-check.
 */
export async function withUniqueErrors<T>(write: () => Promise<T>, errors: Record<string, () => AppError>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    const constraint = violatedUniqueConstraint(error);
    const mapped = constraint === undefined ? undefined : errors[constraint];
    if (mapped) throw mapped();
    throw error;
  }
}
