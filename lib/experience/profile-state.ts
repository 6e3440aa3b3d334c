import { z } from 'zod';

/**
 * Profile data collected during the interaction and written to the user only at
 * identification (Register) or submit: nothing reaches `users` half-done. The password is
 * kept as its argon2 hash, never in clear, and never shown by `publicExperience`.
 */
export const pendingProfileSchema = z.object({
  username: z.string().optional(),
  primaryEmail: z.string().optional(),
  primaryPhone: z.string().optional(),
  passwordHash: z.string().optional(),
  /** Answers to the operator's profile fields, by field name (already checked; present once answered, even if all were optional). */
  extraProfile: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});
export type PendingProfile = z.infer<typeof pendingProfileSchema>;

/** What `GET /api/experience/interaction` may show of the pending profile. */
export function publicProfile(profile: PendingProfile | undefined): Record<string, unknown> {
  if (!profile) return {};
  const { passwordHash, ...visible } = profile;
  return { ...visible, ...(passwordHash ? { hasPassword: true } : {}) };
}
