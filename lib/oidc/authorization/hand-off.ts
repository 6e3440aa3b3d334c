import type { Executor } from '@/db/client';
import type { Interaction } from '@/db/schema';
import { experienceLocale } from '@/lib/i18n/experience-locale';
import type { SignInExperience } from '@/lib/sign-in-exp/schema';
import { getSignInExperience } from '@/lib/sign-in-exp/store';
import { startInteraction } from '../interaction';
import { pageUrl } from '../page-url';
import type { AuthorizationRequest } from './request';

export type ExperienceStep = 'sign-in' | 'register' | 'forgot-password' | 'magic-link' | 'consent';

/** Where a step of the sign-in experience lives, in its language (`ui_locales`, then the operator's `languageInfo`). */
export function experienceUrl(step: ExperienceStep, params: Record<string, string>, browser: Request, config: SignInExperience): string {
  return pageUrl(`/${step}`, { locale: experienceLocale(params, browser, config.languageInfo), request: browser });
}

/**
 * The first page a person who must sign in sees, from the authorization request (Logto's
 * `first_screen`, `one_time_token`, `direct_sign_in`, and `prompt=create`) and what the
 * operator enabled:
 * - a magic link (`one_time_token` with the email in `login_hint`) lands on its own page,
 *   which asks before using the token (mail scanners open links too);
 * - `register` and `identifier:register` (and `prompt=create`, Initiating User Registration
 *   via OIDC) start at account creation, `reset_password` at the password reset;
 * - `single_sign_on` and `direct_sign_in` fall back to the usual first screen: enterprise SSO
 *   and social sign-in are not built;
 * - the usual first screen is sign-in, or registration when the operator allows only that.
 * A screen that is switched off (registration closed, no password reset) leads to sign-in.
 */
export function firstScreen(params: Record<string, string>, prompt: ReadonlySet<string>, config: SignInExperience): Exclude<ExperienceStep, 'consent'> {
  const registrationOpen = config.signInMode !== 'SignIn';
  const signInOpen = config.signInMode !== 'Register';
  const usual = signInOpen ? 'sign-in' : 'register';
  if (params.one_time_token && params.login_hint) return 'magic-link';
  const wanted = prompt.has('create') ? 'register' : params.first_screen;
  switch (wanted) {
    case 'register':
    case 'identifier:register':
      return registrationOpen ? 'register' : 'sign-in';
    case 'reset_password':
      return signInOpen && config.forgotPasswordMethods.length > 0 ? 'forgot-password' : usual;
    default:
      return usual;
  }
}

/** The first screen of this request under the configuration in force. */
export async function signInStep(db: Executor, request: AuthorizationRequest): Promise<ExperienceStep> {
  return firstScreen(request.params, request.prompt, await getSignInExperience(db));
}

/**
 * Sends the browser (its request: `browser`) to the sign-in experience with a new interaction
 * bound to it by a cookie (or the existing one, when resuming needs another step).
 */
export async function handOff(db: Executor, browser: Request, request: AuthorizationRequest, step: ExperienceStep, existing?: Interaction): Promise<Response> {
  const location = experienceUrl(step, request.params, browser, await getSignInExperience(db));
  const headers = new Headers({ 'cache-control': 'no-store', location });
  if (!existing) {
    const { setCookie } = await startInteraction(db, { applicationId: request.client.id, params: request.params });
    headers.append('set-cookie', setCookie);
  }
  return new Response(null, { status: 303, headers });
}
