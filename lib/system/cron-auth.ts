import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { safeEqual, sha256 } from '@/lib/security/crypto';

/**
 * Vercel Cron calls with `Authorization: Bearer $CRON_SECRET`. Without a configured secret
 * the cron routes do not exist (404): nobody can make an installation run them on demand.
 */
export function authorizeCronRequest(request: Request): void {
  const secret = env().cronSecret;
  if (!secret) throw new AppError('route.not_found', 404, 'Not found.');
  const presented = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1] ?? '';
  // Digests compared in constant time, so neither the content nor the length of the secret leaks.
  if (!safeEqual(sha256(presented), sha256(secret))) throw new AppError('auth.unauthorized', 401, 'A valid cron secret is required.');
}
