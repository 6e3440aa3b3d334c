import { createHmac } from 'node:crypto';
import { derivedKey, safeEqual } from './crypto';

/**
 * A synchronizer token bound to something only this browser has (its session id): a
 * cross-site form cannot know it, so it cannot submit on the user's behalf.
 */
export function csrfToken(binding: string): string {
  return createHmac('sha256', derivedKey('csrf')).update(binding).digest('base64url');
}

export function isValidCsrfToken(binding: string, token: string | null | undefined): boolean {
  return typeof token === 'string' && safeEqual(csrfToken(binding), token);
}
