import type { Executor } from '@/db/client';
import { findConsentedScopes } from '@/db/queries/consents';
import { findUserById } from '@/db/queries/users';
import type { Interaction, OidcSession } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { findClient, type Client } from './clients';
import { completeConsent } from './interaction';
import { parseScope } from './scope';

/** Scopes that need no explaining: `openid` is the protocol itself. */
const IMPLICIT = new Set(['openid']);

export type ConsentContext = {
  /**
   * The app as it presents itself: `displayName`, a `branding` logo pair and its own terms and
   * privacy links come from its sign-in experience (third-party apps, as in Logto), when set.
   */
  application: {
    id: string;
    name: string;
    displayName?: string;
    logoUri?: string;
    branding?: { logoUrl?: string; darkLogoUrl?: string };
    termsOfUseUrl?: string;
    privacyPolicyUrl?: string;
    isThirdParty: boolean;
  };
  user: { id: string; name: string | null; username: string | null; primaryEmail: string | null; avatar: string | null };
  /** Every scope the app asks for; the ones not yet consented are in `missingScopes`. */
  requestedScopes: string[];
  missingScopes: string[];
  resources: string[];
  redirectUri: string;
};

/** What the consent page and `GET /api/interaction/consent` show: who asks, for whom, for what. */
export async function loadConsentContext(db: Executor, interaction: Interaction, session: OidcSession | undefined): Promise<ConsentContext> {
  if (!session) throw new AppError('session.not_signed_in', 401, 'Sign in first; the consent step comes after.');
  const client = await findClient(interaction.applicationId);
  const user = await findUserById(db, session.userId);
  if (!client || !user) throw new AppError('session.interaction_not_found', 404, 'The authorization request is no longer valid.');
  const requested = parseScope(interaction.params.scope).filter((scope) => !IMPLICIT.has(scope));
  const consented = await findConsentedScopes(db, user.id, client.id);
  return {
    application: applicationOf(client),
    user: { id: user.id, name: user.name, username: user.username, primaryEmail: user.primaryEmail, avatar: user.avatar },
    requestedScopes: requested,
    missingScopes: requested.filter((scope) => !consented.includes(scope)),
    resources: interaction.params.resource?.split(',').filter(Boolean) ?? [],
    redirectUri: interaction.params.redirect_uri ?? '',
  };
}

function applicationOf(client: Client): ConsentContext['application'] {
  const own = client.signInExperience;
  const { logoUrl, darkLogoUrl } = own?.branding ?? {};
  return {
    id: client.id,
    name: client.name,
    ...(own?.displayName ? { displayName: own.displayName } : {}),
    ...(client.oidcClientMetadata.logoUri ? { logoUri: client.oidcClientMetadata.logoUri } : {}),
    ...(logoUrl || darkLogoUrl ? { branding: { ...(logoUrl ? { logoUrl } : {}), ...(darkLogoUrl ? { darkLogoUrl } : {}) } } : {}),
    ...(own?.termsOfUseUrl ? { termsOfUseUrl: own.termsOfUseUrl } : {}),
    ...(own?.privacyPolicyUrl ? { privacyPolicyUrl: own.privacyPolicyUrl } : {}),
    isThirdParty: client.isThirdParty,
  };
}

/** Allow grants every requested scope (stored when the authorization resumes); deny ends it with `access_denied`. */
export async function submitConsent(db: Executor, interaction: Interaction, session: OidcSession | undefined, decision: 'allow' | 'deny') {
  if (!session) throw new AppError('session.not_signed_in', 401, 'Sign in first; the consent step comes after.');
  const granted = parseScope(interaction.params.scope);
  return completeConsent(db, interaction, decision === 'allow' ? { granted } : { denied: true });
}
