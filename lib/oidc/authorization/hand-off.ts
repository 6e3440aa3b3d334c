import type { Executor } from '@/db/client';
import type { Interaction } from '@/db/schema';
import { pickLocale } from '@/lib/i18n/pick-locale';
import { startInteraction } from '../interaction';
import { pageUrl } from '../page-url';
import type { AuthorizationRequest } from './request';

export type ExperienceStep = 'sign-in' | 'register' | 'consent';

/** Where a step of the sign-in experience lives, in the language the client asked for (`ui_locales`). */
export function experienceUrl(step: ExperienceStep, params: Record<string, string>): string {
  return pageUrl(`/${step}`, pickLocale(params.ui_locales));
}

/**
 * Sends the browser to the sign-in experience with a new interaction bound to it by a
 * cookie (or the existing one, when resuming needs another step).
 */
export async function handOff(db: Executor, request: AuthorizationRequest, step: ExperienceStep, existing?: Interaction): Promise<Response> {
  const headers = new Headers({ 'cache-control': 'no-store', location: experienceUrl(step, request.params) });
  if (!existing) {
    const { setCookie } = await startInteraction(db, { applicationId: request.client.id, params: request.params });
    headers.append('set-cookie', setCookie);
  }
  return new Response(null, { status: 303, headers });
}
