import { eq } from 'drizzle-orm';
import type { Executor } from '../database';
import { connectors, type ConnectorRow } from '../schema';

export function listConnectorRows(db: Executor): Promise<ConnectorRow[]> {
  return db.query.connectors.findMany({ orderBy: [connectors.createdAt, connectors.id] });
}

export function findConnectorRowById(db: Executor, id: string): Promise<ConnectorRow | undefined> {
  return db.query.connectors.findFirst({ where: eq(connectors.id, id) });
}

/** The configured connector of one type (`Email` or `Sms`); the unique index allows at most one. */
export function findConnectorRowByType(db: Executor, type: string): Promise<ConnectorRow | undefined> {
  return db.query.connectors.findFirst({ where: eq(connectors.type, type) });
}

export async function insertConnectorRow(db: Executor, row: typeof connectors.$inferInsert): Promise<ConnectorRow> {
  const [inserted] = await db.insert(connectors).values(row).returning();
  return inserted!;
}

export async function updateConnectorSealedConfig(db: Executor, id: string, sealedConfig: string): Promise<ConnectorRow | undefined> {
  const [updated] = await db.update(connectors).set({ sealedConfig, updatedAt: new Date() }).where(eq(connectors.id, id)).returning();
  return updated;
}

export async function deleteConnectorRow(db: Executor, id: string): Promise<ConnectorRow | undefined> {
  const [deleted] = await db.delete(connectors).where(eq(connectors.id, id)).returning();
  return deleted;
}
