import { z } from 'zod';
import { passwordAlgorithms } from '@/lib/security/imported-passwords';
import { paginationQuery } from '../pagination';

// Logto's identifier formats: usernames are word characters not starting with a digit; phone numbers are digits (E.164 without '+').
const username = z.string().max(128).regex(/^[A-Za-z_]\w*$/, 'must be letters, digits or underscores, not starting with a digit');
const primaryEmail = z.email().max(254);
const primaryPhone = z.string().regex(/^\d{4,20}$/, 'must be 4-20 digits (E.164 without the +)');
const name = z.string().max(256);
const avatar = z.url({ protocol: /^https?$/ }).max(2048);
/** Bounded so a request cannot make argon2 chew on megabytes. */
export const password = z.string().min(1).max(256);

export const jsonObject = z.record(z.string(), z.unknown());

const profileText = z.string().max(512);
/** OIDC standard claims (Core §5.1) that are not top-level user fields; unknown keys are dropped. */
export const userProfile = z
  .object({
    familyName: profileText,
    givenName: profileText,
    middleName: profileText,
    nickname: profileText,
    preferredUsername: profileText,
    profile: profileText,
    website: profileText,
    gender: profileText,
    birthdate: profileText,
    zoneinfo: profileText,
    locale: profileText,
    address: z.record(z.string(), profileText),
  })
  .partial();

export const createUserBody = z
  .object({
    username,
    primaryEmail,
    primaryPhone,
    password,
    /** A digest from another system, with its algorithm (lib/security/imported-passwords.ts). */
    passwordDigest: z.string().min(1).max(4096),
    passwordAlgorithm: z.enum(passwordAlgorithms),
    name,
    avatar,
    profile: userProfile,
    customData: jsonObject,
  })
  .partial()
  .refine((body) => body.username ?? body.primaryEmail ?? body.primaryPhone, {
    message: 'at least one of username, primaryEmail or primaryPhone is required',
  })
  .refine((body) => (body.passwordDigest === undefined) === (body.passwordAlgorithm === undefined), {
    message: 'passwordDigest and passwordAlgorithm go together',
    path: ['passwordAlgorithm'],
  })
  .refine((body) => body.password === undefined || body.passwordDigest === undefined, { message: 'give password or passwordDigest, not both', path: ['password'] });

/** An empty string clears a field, as in Logto. */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.union([schema, z.literal(''), z.null()]).transform((value) => (value === '' ? null : value));

export const updateUserBody = z
  .object({
    username: clearable(username),
    primaryEmail: clearable(primaryEmail),
    primaryPhone: clearable(primaryPhone),
    name: clearable(name),
    avatar: clearable(avatar),
    profile: userProfile,
    customData: jsonObject,
  })
  .partial();

export const listUsersQuery = paginationQuery.extend({ search: z.string().trim().max(256).optional() });

export type CreateUserBody = z.infer<typeof createUserBody>;
export type UpdateUserBody = z.infer<typeof updateUserBody>;
