import { z } from 'zod';
import { paginationQuery } from '../pagination';

/** RFC 8707 §2: a resource indicator is an absolute URI without a fragment. */
const indicator = z
  .string()
  .max(2048)
  .refine((value) => URL.canParse(value) && !value.includes('#'), 'must be an absolute URI without a fragment');
const name = z.string().trim().min(1).max(256);
/** JWT access tokens cannot be revoked, so their lifetime is capped at a day. */
const accessTokenTtl = z.number().int().min(60).max(86_400);

export const createResourceBody = z.object({ name, indicator, accessTokenTtl: accessTokenTtl.default(3600) });
export const updateResourceBody = z.object({ name: name.optional(), accessTokenTtl: accessTokenTtl.optional() });
export const isDefaultBody = z.object({ isDefault: z.boolean() });
export const listResourcesQuery = paginationQuery.extend({ includeScopes: z.enum(['true', 'false']).optional() });

/** RFC 6749 §3.3 scope-token: printable ASCII except space, `"` and `\`. */
const scopeName = z.string().max(256).regex(/^[\x21\x23-\x5B\x5D-\x7E]+$/, 'must be a scope token: no spaces, quotes or backslashes');
const scopeDescription = z.string().max(2048).nullable();

export const createScopeBody = z.object({ name: scopeName, description: scopeDescription.optional() });
export const updateScopeBody = z.object({ name: scopeName.optional(), description: scopeDescription.optional() });
