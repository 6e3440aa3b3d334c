import { asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../database';
import { customProfileFields, type CustomProfileField } from '../schema';

export function listCustomProfileFields(db: Executor): Promise<CustomProfileField[]> {
  return db.select().from(customProfileFields).orderBy(asc(customProfileFields.sieOrder), asc(customProfileFields.createdAt));
}

export async function findCustomProfileField(db: Executor, name: string): Promise<CustomProfileField | undefined> {
  const [row] = await db.select().from(customProfileFields).where(eq(customProfileFields.name, name));
  return row;
}

/** A new field, placed after the others in the same statement. */
export async function insertCustomProfileField(db: Executor, row: Omit<CustomProfileField, 'createdAt' | 'sieOrder'>): Promise<CustomProfileField> {
  const [created] = await db
    .insert(customProfileFields)
    .values({ ...row, sieOrder: sql`(select coalesce(max(${customProfileFields.sieOrder}), 0) + 1 from ${customProfileFields})` })
    .returning();
  return created!;
}

export async function replaceCustomProfileField(
  db: Executor,
  name: string,
  fields: Pick<CustomProfileField, 'type' | 'label' | 'description' | 'required' | 'config'>,
): Promise<CustomProfileField | undefined> {
  const [row] = await db.update(customProfileFields).set(fields).where(eq(customProfileFields.name, name)).returning();
  return row;
}

export async function deleteCustomProfileField(db: Executor, name: string): Promise<boolean> {
  const deleted = await db.delete(customProfileFields).where(eq(customProfileFields.name, name)).returning({ id: customProfileFields.id });
  return deleted.length > 0;
}

/** Sets each named field's place; the caller runs it in one transaction with the read that follows. */
export async function setCustomProfileFieldOrder(db: Executor, order: Array<{ name: string; sieOrder: number }>): Promise<number> {
  let updated = 0;
  for (const { name, sieOrder } of order) {
    const rows = await db.update(customProfileFields).set({ sieOrder }).where(eq(customProfileFields.name, name)).returning({ id: customProfileFields.id });
    updated += rows.length;
  }
  return updated;
}
