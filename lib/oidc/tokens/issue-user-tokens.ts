import type { Executor } from '@/db/client';
import { listUserScopeNames } from '@/db/queries/resources';
import { listUserRoleNames } from '@/db/queries/users';
import { insertAccessToken, insertRefreshToken, type PreparedTokens, type RefreshTokenPolicy } from '@/db/queries/tokens';
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
  const policy = refreshTokenPolicy(client);
  return policy === 'always' || (policy === 'with-offline-access' && grant.offlineAccess);
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

/** Which grants get a refresh token from this app (Logto's `alwaysIssueRefreshToken`). */
export function refreshTokenPolicy(client: Client): RefreshTokenPolicy {
  if (client.type === 'MachineToMachine') return 'never';
  return client.customClientMetadata.alwaysIssueRefreshToken === true ? 'always' : 'with-offline-access';
}

/**
 * Fresh opaque tokens for the one-statement redemptions: the values go to the client, only
 * their digests to the database. No access token row when the access token is a JWT.
 */
export function mintUserTokens(input: { resource?: ResolvedResource; refreshTokenPolicy: RefreshTokenPolicy; now?: Date }) {
  const now = input.now ?? new Date();
  const access = input.resource ? undefined : newOpaqueToken();
  const refresh = newOpaqueToken();
  const prepared: PreparedTokens = {
    accessToken: access && { hash: access.hash, expiresAt: new Date(now.getTime() + OPAQUE_ACCESS_TOKEN_TTL * 1000) },
    refreshToken: { hash: refresh.hash, policy: input.refreshTokenPolicy },
  };
  return { prepared, accessToken: access?.token, refreshToken: refresh.token };
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
  if (input.resource && !grant.resources.includes(input.resource.indicator)) throw new InvalidTarget('the resource was not part of this authorization');
  let accessToken: string | undefined;
  if (!input.resource) {
    const opaque = newOpaqueToken();
    await insertAccessToken(db, {
      tokenHash: opaque.hash,
      grantId: grant.id,
      applicationId: client.id,
      userId: user.id,
      scope: formatScope(scopes),
      expiresAt: new Date(Date.now() + OPAQUE_ACCESS_TOKEN_TTL * 1000),
    });
    accessToken = opaque.token;
  }
  let refreshToken: string | undefined;
  if (input.refreshTokenExpiresAt) {
    const refresh = newOpaqueToken();
    await insertRefreshToken(db, {
      tokenHash: refresh.hash,
      grantId: grant.id,
      applicationId: client.id,
      scope: grant.scope,
      expiresAt: input.refreshTokenExpiresAt,
    });
    refreshToken = refresh.token;
  }
  return userTokenResponse(db, { ...input, accessToken, refreshToken });
}

/**
 * The response body once the opaque tokens are stored: signs the JWT access token (for a
 * resource) and the ID token (with `openid`). The reads it makes (scopes held on the
 * resource, role names) go through `db`, never through a cache (see prepareUserTokens).
 */
export async function userTokenResponse(db: Executor, input: {
  client: Client;
  grant: Grant;
  user: User;
  scopes: string[];
  resource?: ResolvedResource;
  nonce?: string | null;
  /** The opaque access token's value; absent when `resource` makes it a JWT. */
  accessToken?: string;
  refreshToken?: string;
}) {
  const { client, grant, user, scopes, resource } = input;
  const body: Record<string, unknown> = { token_type: 'Bearer' };
  if (resource) {
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
    const token = input.accessToken ?? throwMissing('an opaque access token is required without a resource');
    Object.assign(body, { access_token: token, expires_in: OPAQUE_ACCESS_TOKEN_TTL, scope: formatScope(scopes) });
  }
  if (input.refreshToken) body.refresh_token = input.refreshToken;

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

function throwMissing(why: string): never {
  throw new Error(why);
}
