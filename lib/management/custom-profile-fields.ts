import { z } from 'zod';
import { getDb } from '@/db/client';
import {
  deleteCustomProfileField,
  findCustomProfileField,
  insertCustomProfileField,
  listCustomProfileFields,
  replaceCustomProfileField,
  setCustomProfileFieldOrder,
} from '@/db/queries/custom-profile-fields';
import type { CustomProfileField } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { generateId } from '@/lib/security/ids';
import { describeProfileField, type ProfileFieldBody } from '@/lib/sign-in-exp/profile-fields';
import { forgetCachedProfileFields } from '@/lib/sign-in-exp/profile-fields-store';
import { epochMs } from './dates';
import { assertFound, found, withUniqueErrors } from './errors';

/** `POST /api/custom-profile-fields/properties/sie-order`: where each named field goes. */
export const sieOrderBodySchema = z.object({ order: z.array(z.object({ name: z.string().min(1), sieOrder: z.number().int().min(0).max(1_000_000) })).min(1).max(100) });

export function profileFieldResponse(field: CustomProfileField) {
  return { id: field.id, ...describeProfileField(field), createdAt: epochMs(field.createdAt) };
}

export async function listProfileFields() {
  return (await listCustomProfileFields(await getDb())).map(profileFieldResponse);
}

export async function getProfileField(name: string) {
  return profileFieldResponse(found(await findCustomProfileField(await getDb(), name), 'custom profile field', name));
}

/** A new field, asked for after the others; a name in use is 422 `custom_profile_fields.name_exists`. */
export async function createProfileField({ description, ...body }: ProfileFieldBody) {
  const db = await getDb();
  const row = await withUniqueErrors(() => insertCustomProfileField(db, { id: generateId(), description: description ?? null, ...body }), {
    custom_profile_fields_name_key: () => new AppError('custom_profile_fields.name_exists', 422, `A field named \`${body.name}\` exists already.`, { name: body.name }),
  });
  forgetCachedProfileFields();
  return profileFieldResponse(row);
}

export async function replaceProfileField(name: string, { name: _name, description, ...body }: ProfileFieldBody) {
  const row = found(await replaceCustomProfileField(await getDb(), name, { description: description ?? null, ...body }), 'custom profile field', name);
  forgetCachedProfileFields();
  return profileFieldResponse(row);
}

export async function removeProfileField(name: string): Promise<void> {
  assertFound(await deleteCustomProfileField(await getDb(), name), 'custom profile field', name);
  forgetCachedProfileFields();
}

/** Reorders the fields in one transaction; a name that is not a field is 404 and nothing moves. */
export async function reorderProfileFields({ order }: z.infer<typeof sieOrderBodySchema>) {
  const db = await getDb();
  const fields = await db.transaction(async (tx) => {
    const updated = await setCustomProfileFieldOrder(tx, order);
    if (updated !== order.length) {
      const existing = new Set((await listCustomProfileFields(tx)).map((field) => field.name));
      const missing = order.find((entry) => !existing.has(entry.name))!.name;
      assertFound(false, 'custom profile field', missing);
    }
    return listCustomProfileFields(tx);
  });
  forgetCachedProfileFields();
  return fields.map(profileFieldResponse);
}
