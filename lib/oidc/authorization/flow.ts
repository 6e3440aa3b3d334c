import { getDb, type Executor } from '@/db/client';
import { upsertConsent } from '@/db/queries/consents';
import { deleteInteraction, updateInteraction } from '@/db/queries/interactions';
import { findUserById } from '@/db/queries/users';
import type { Interaction, OidcSession } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { AccessDenied, ConsentRequired, LoginRequired } from '../errors';
import { clearInteractionCookie, findInteractionForRequest, type InteractionResult } from '../interaction';
import { createSession, endSessionByCookie, loadSession } from '../sessions';
import { needsConsent } from './consent';
import { RedirectableError, readAuthorizationParams, validateAuthorizationRequest } from './checks';
import { handOff, signInStep } from './hand-off';
import { issueCode } from './issue-code';
import type { AuthorizationRequest } from './request';
import { respondWithError } from './respond';

/** GET|POST /oidc/auth: validate, then sign in, ask consent, or answer with a code. */
export async function authorize(httpRequest: Request): Promise<Response> {
  const params = await readAuthorizationParams(httpRequest);
  return withRedirectableErrors(async () => {
    const request = await validateAuthorizationRequest(params);
    const db = await getDb();
    const session = await loadActiveSession(db, httpRequest);
    if (!session || mustAuthenticateAgain(request, session)) {
      if (request.prompt.has('none')) throw new RedirectableError(new LoginRequired('the user is not signed in'), request);
      return handOff(db, httpRequest, request, await signInStep(db, request));
    }
    return afterLogin(db, httpRequest, request, session, { consentAnsweredNow: false });
  });
}

/** GET /oidc/auth/resume: the experience finished a step; carry the authorization on. */
export async function resume(httpRequest: Request): Promise<Response> {
  const db = await getDb();
  const interaction = await findInteractionForRequest(db, httpRequest);
  if (!interaction) throw new AppError('session.interaction_not_found', 404, 'The sign-in session has expired. Start again from the app.');
  const result = (interaction.result ?? {}) as InteractionResult;
  return withRedirectableErrors(async () => {
    const request = await validateAuthorizationRequest(new URLSearchParams(interaction.params));
    const cookies: string[] = [];
    let session: OidcSession | undefined;
    if (result.login) {
      // A fresh sign-in replaces whatever session this browser had.
      await endSessionByCookie(db, httpRequest);
      const created = await createSession(db, {
        userId: result.login.userId,
        authTime: new Date(result.login.authTime),
        amr: result.login.amr,
      });
      session = created.session;
      cookies.push(created.setCookie);
    } else {
      session = await loadActiveSession(db, httpRequest);
    }
    if (!session) return handOff(db, httpRequest, request, await signInStep(db, request), interaction);

    if (result.consent && 'denied' in result.consent) {
      await deleteInteraction(db, interaction.id);
      throw new RedirectableError(new AccessDenied('the user denied the request'), request);
    }
    if (result.consent) await upsertConsent(db, session.userId, request.client.id, result.consent.granted);
    return afterLogin(db, httpRequest, request, session, { consentAnsweredNow: Boolean(result.consent), interaction, cookies });
  }, [clearInteractionCookie()]);
}

async function afterLogin(
  db: Executor,
  httpRequest: Request,
  request: AuthorizationRequest,
  session: OidcSession,
  context: { consentAnsweredNow: boolean; interaction?: Interaction; cookies?: string[] },
): Promise<Response> {
  if (await needsConsent(db, request, session.userId, context.consentAnsweredNow)) {
    if (request.prompt.has('none')) throw new RedirectableError(new ConsentRequired('the user has not consented'), request);
    // The login part is done (the session exists now): keep the interaction for the consent step only.
    if (context.interaction) await updateInteraction(db, context.interaction.id, { result: {} });
    const response = await handOff(db, httpRequest, request, 'consent', context.interaction);
    for (const cookie of context.cookies ?? []) response.headers.append('set-cookie', cookie);
    return response;
  }
  if (context.interaction) await deleteInteraction(db, context.interaction.id);
  const cookies = [...(context.cookies ?? []), ...(context.interaction ? [clearInteractionCookie()] : [])];
  return issueCode(db, request, session, cookies);
}

async function loadActiveSession(db: Executor, httpRequest: Request): Promise<OidcSession | undefined> {
  const session = await loadSession(db, httpRequest);
  if (!session) return undefined;
  const user = await findUserById(db, session.userId);
  return user && !user.isSuspended ? session : undefined;
}

/**
 * `prompt=login`, `max_age` exceeded, or an `id_token_hint` naming someone else than the
 * signed-in user (OIDC Core §3.1.2.1) asks for a new sign-in — with `prompt=none`,
 * `login_required` rather than tokens for the wrong person. `prompt=create` asks for a
 * new account even when someone is signed in.
 */
function mustAuthenticateAgain(request: AuthorizationRequest, session: OidcSession): boolean {
  if (request.prompt.has('login') || request.prompt.has('create')) return true;
  if (request.hintedSubject !== undefined && request.hintedSubject !== session.userId) return true;
  if (request.maxAge === undefined) return false;
  return Date.now() - session.authTime.getTime() > request.maxAge * 1000;
}

async function withRedirectableErrors(run: () => Promise<Response>, cookies: string[] = []): Promise<Response> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof RedirectableError) return respondWithError(error.target, { error: error.cause.error, description: error.cause.description }, cookies);
    throw error;
  }
}
