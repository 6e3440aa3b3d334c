import type { Executor } from '@/db/client';
import { listUserScopeNames } from '@/db/queries/resources';
import { listUserRoleNames } from '@/db/queries/users';
import { insertAccessToken, insertRefreshToken } from '@/db/queries/tokens';
import type { Grant, User } from '@/db/schema';
import type { Client } from '../clients';
import { InvalidTarget } from '../errors';
import { loadSigningKeys } from '../keys';
import { resolveResource, type ResolvedResource } from '../resources';
import { formatScope } from '../scope';
import { issueIdToken } from './id-token';
import { issueJwtAccessToken } from './jwt-access-token';
import { newOpaqueToken } from './opaque-token';

const OPAQUE_ACCESS_TOKEN_TTL = 3600;
const DEFAULT_REFRESH_TOKEN_TTL_DAYS = 14;

export function refreshTokenTtlMs(client: Client): number {
  return (client.customClientMetadata.refreshTokenTtlInDays ?? DEFAULT_REFRESH_TOKEN_TTL_DAYS) * 24 * 3600 * 1000;
}

/** Refresh tokens only for apps that may refresh and when offline access was granted (or the app always gets one). */
export function mayReceiveRefreshToken(client: Client, grant: Grant): boolean {
  return client.type !== 'MachineToMachine' && (grant.offlineAccess || client.customClientMetadata.alwaysIssueRefreshToken === true);
}

/**
 * What the code and refresh grants load before opening their transaction: the requested
 * resource and the signing keys. Both come through in-process caches that query the global
 * database handle on a miss; on PGlite (one connection) such a query inside the transaction
 * waits for the transaction to end, and the transaction waits for it — the server hangs.
 */
export async function prepareUserTokens(params: URLSearchParams): Promise<{ resource?: ResolvedResource }> {
  const indicator = params.get('resource');
  const resource = indicator ? await resolveResource(indicator) : undefined;
  await loadSigningKeys();
  return { resource };
}

/**
 * The token response for a user's grant, shared by the code and refresh grants.
 * With `resource` (one of the grant's resources): a JWT access token whose scopes are the
 * requested scopes the user holds on it. Without: an opaque token for /oidc/me.
 * Pass the transaction that consumed the code or refresh token, so a failure loses nothing.
 */
export async function issueUserTokens(db: Executor, input: {
  client: Client;
  grant: Grant;
  user: User;
  scopes: string[];
  /** From prepareUserTokens: resolved before the transaction. */
  resource?: ResolvedResource;
  nonce?: string | null;
  /** A new refresh token expiring at this instant, or nothing. */
  refreshTokenExpiresAt?: Date;
}) {
  const { client, grant, user, scopes } = input;
  const body: Record<string, unknown> = { token_type: 'Bearer' };

  const resource = input.resource;
  if (resource) {
    if (!grant.resources.includes(resource.indicator)) throw new InvalidTarget('the resource was not part of this authorization');
    // Read in the transaction, not through the role-scope cache (see prepareUserTokens).
    const held = await listUserScopeNames(db, user.id, resource.id);
    const granted = scopes.filter((scope) => held.includes(scope));
    const { token, expiresIn } = await issueJwtAccessToken({
      audience: resource.indicator,
      subject: user.id,
      clientId: client.id,
      scopes: granted,
      ttlSeconds: resource.accessTokenTtl,
      authTime: Math.floor(grant.authTime.getTime() / 1000),
    });
    Object.assign(body, { access_token: token, expires_in: expiresIn, scope: formatScope(granted) });
  } else {
    const opaque = newOpaqueToken();
    await insertAccessToken(db, {
      tokenHash: opaque.hash,
      grantId: grant.id,
      applicationId: client.id,
      userId: user.id,
      scope: formatScope(scopes),
      expiresAt: new Date(Date.now() + OPAQUE_ACCESS_TOKEN_TTL * 1000),
    });
    Object.assign(body, { access_token: opaque.token, expires_in: OPAQUE_ACCESS_TOKEN_TTL, scope: formatScope(scopes) });
  }

  if (input.refreshTokenExpiresAt) {
    const refresh = newOpaqueToken();
    await insertRefreshToken(db, {
      tokenHash: refresh.hash,
      grantId: grant.id,
      applicationId: client.id,
      scope: grant.scope,
      expiresAt: input.refreshTokenExpiresAt,
    });
    body.refresh_token = refresh.token;
  }

  if (scopes.includes('openid')) {
    body.id_token = await issueIdToken({
      user,
      clientId: client.id,
      scopes,
      roleNames: scopes.includes('roles') ? await listUserRoleNames(db, user.id) : [],
      authTime: grant.authTime,
      sid: grant.sid,
      nonce: input.nonce,
      ttlSeconds: client.customClientMetadata.idTokenTtl,
    });
  }
  return body;
}
