import { and, eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { consents } from '../schema';

export async function findConsentedScopes(db: Executor, userId: string, applicationId: string): Promise<string[]> {
  const row = await db.query.consents.findFirst({
    where: and(eq(consents.userId, userId), eq(consents.applicationId, applicationId)),
  });
  return row?.scopes ?? [];
}

export async function upsertConsent(db: Executor, userId: string, applicationId: string, scopes: string[]): Promise<void> {
  await db
    .insert(consents)
    .values({ userId, applicationId, scopes })
    .onConflictDoUpdate({ target: [consents.userId, consents.applicationId], set: { scopes, updatedAt: new Date() } });
}
