import { and, desc, eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { devMessages, type DevMessage } from '../schema';

export async function insertDevMessage(db: Executor, message: typeof devMessages.$inferInsert): Promise<void> {
  await db.insert(devMessages).values(message);
}

/** Newest first; `recipient` narrows to one address or phone number. */
export function listDevMessages(db: Executor, options: { recipient?: string; limit?: number } = {}): Promise<DevMessage[]> {
  return db.query.devMessages.findMany({
    where: options.recipient ? and(eq(devMessages.recipient, options.recipient)) : undefined,
    orderBy: [desc(devMessages.createdAt), desc(devMessages.id)],
    limit: options.limit ?? 50,
  });
}
