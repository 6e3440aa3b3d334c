import { z } from 'zod';
import { roleTypes } from '@/db/schema';
import { paginationQuery } from '../pagination';

const name = z.string().trim().min(1).max(128);
const description = z.string().max(2048);
/** A non-empty list of ids (deduplicated later); 100 at a time keeps one request's transaction small. */
export const idList = z.array(z.string().min(1).max(64)).min(1).max(100);

export const createRoleBody = z.object({
  name,
  type: z.enum(roleTypes).default('User'),
  description: description.default(''),
  scopeIds: idList.optional(),
});

export const updateRoleBody = z.object({ name: name.optional(), description: description.optional() });

export const listRolesQuery = paginationQuery.extend({
  type: z.enum(roleTypes).optional(),
  search: z.string().trim().max(256).optional(),
  excludeUserId: z.string().optional(),
  excludeApplicationId: z.string().optional(),
});

export type ListRolesQuery = z.infer<typeof listRolesQuery>;
