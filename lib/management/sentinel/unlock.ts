import { z } from 'zod';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { normalizedIdentifier } from '@/lib/experience/identifier';
import { clearAttempts } from '@/lib/security/attempt-guard';

/** `POST /api/sentinel-activities/delete` (Logto's body): the identifiers to unlock, as people type them. */
export const unlockBody = z.object({
  targetType: z.enum(['User', 'App']),
  targets: z.array(z.string().trim().min(1).max(256)).min(1).max(100),
});
export type UnlockBody = z.infer<typeof unlockBody>;

/**
 * Unlocks identifiers locked by wrong passwords (`sentinelPolicy`), for someone who called
 * support. A target is taken as a username, an email and a phone number at once, since the
 * lock is kept per identifier type; unlocking an identifier that is not locked is a no-op.
 * Sesame never locks apps, so `targetType: App` is refused rather than answered with nothing done.
 */
export async function unlockIdentifiers({ targetType, targets }: UnlockBody): Promise<void> {
  if (targetType === 'App') throw new AppError('guard.invalid_input', 400, 'Sesame locks identifiers only (targetType User); apps are never locked.');
  const locked = targets.flatMap((value) => (['username', 'email', 'phone'] as const).map((type) => normalizedIdentifier({ type, value })));
  await clearAttempts(await getDb(), 'password', [...new Set(locked)]);
}
