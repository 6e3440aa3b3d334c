import { getDb } from '@/db/client';
import { revokeGrant } from '@/db/queries/grants';
import { consumeRefreshToken, findRefreshToken, redeemRefreshToken } from '@/db/queries/tokens';
import { sha256 } from '@/lib/security/crypto';
import type { Client } from '../clients';
import { InvalidGrant, InvalidRequest, InvalidScope } from '../errors';
import type { ResolvedResource } from '../resources';
import { parseScope } from '../scope';
import { issueUserTokens, mintUserTokens, prepareUserTokens, userTokenResponse } from '../tokens/issue-user-tokens';
import { loadActiveGrantAndUser } from './load-grant-user';

/** Public clients always rotate (RFC 9700 §4.14.2); confidential ones unless the app turned rotation off. */
const rotates = (client: Client) => client.isPublic || client.customClientMetadata.rotateRefreshToken !== false;

type RefreshRequest = { presented: string; tokenHash: string; rotate: boolean; requestedScopes?: string[]; resource?: ResolvedResource; now: Date };

/**
 * RFC 6749 §6. With rotation, each refresh token is single-use, consumed atomically by the
 * statement that issues its successor; a rotated token presented again means it leaked,
 * so the whole grant is revoked. The successor keeps the old absolute expiry: refreshing
 * never extends a grant's life. The common case is one statement; a failure falls through
 * to the ordered checks, which say what went wrong.
 */
export async function refreshTokenGrant(client: Client, params: URLSearchParams) {
  const presented = params.get('refresh_token');
  if (!presented) throw new InvalidRequest("missing required parameter 'refresh_token'");
  const { resource } = await prepareUserTokens(params);
  const request: RefreshRequest = {
    presented,
    tokenHash: sha256(presented),
    rotate: rotates(client),
    requestedScopes: params.has('scope') ? parseScope(params.get('scope')) : undefined,
    resource,
    now: new Date(),
  };
  return (await refreshInOneStatement(client, request)) ?? explainFailedRefresh(client, request);
}

async function refreshInOneStatement(client: Client, request: RefreshRequest) {
  const db = await getDb();
  // With rotation every refresh issues a successor; without, the client keeps its token.
  const minted = mintUserTokens({ resource: request.resource, refreshTokenPolicy: request.rotate ? 'always' : 'never', now: request.now });
  const redeemed = await redeemRefreshToken(db, {
    tokenHash: request.tokenHash,
    clientId: client.id,
    rotate: request.rotate,
    requestedScopes: request.requestedScopes,
    resourceIndicator: request.resource?.indicator,
    tokens: minted.prepared,
    now: request.now,
  });
  if (!redeemed) return undefined;
  return userTokenResponse(db, {
    client,
    grant: redeemed.grant,
    user: redeemed.user,
    scopes: parseScope(redeemed.scope),
    resource: request.resource,
    accessToken: minted.accessToken,
    refreshToken: request.rotate ? minted.refreshToken : request.presented,
  });
}

/** The slow path: ordered checks in a transaction; reuse of a rotated token revokes the grant. */
async function explainFailedRefresh(client: Client, { presented, tokenHash, rotate, requestedScopes, resource, now }: RefreshRequest) {
  const db = await getDb();
  const body = await db.transaction(async (tx) => {
    const row = rotate ? await consumeRefreshToken(tx, tokenHash, now) : await findRefreshToken(tx, tokenHash);
    if (!row || (!rotate && row.consumedAt)) return undefined;
    if (row.applicationId !== client.id) throw new InvalidGrant('the refresh token was issued to another client');
    if (row.expiresAt <= now) throw new InvalidGrant('the refresh token has expired');

    const granted = parseScope(row.scope);
    const requested = requestedScopes ?? granted;
    const widened = requested.filter((scope) => !granted.includes(scope));
    if (widened.length > 0) throw new InvalidScope(`scope may only be narrowed; not granted: ${widened.join(' ')}`);

    const { grant, user } = await loadActiveGrantAndUser(tx, row.grantId, now);
    const issued = await issueUserTokens(tx, {
      client,
      grant,
      user,
      scopes: requested,
      resource,
      refreshTokenExpiresAt: rotate ? row.expiresAt : undefined,
    });
    // Without rotation the client keeps using the token it has.
    return rotate ? issued : { ...issued, refresh_token: presented };
  });
  if (body) return body;

  const known = await findRefreshToken(db, tokenHash);
  if (known?.consumedAt && known.applicationId === client.id) {
    await revokeGrant(db, known.grantId, now);
    throw new InvalidGrant('refresh token already used');
  }
  throw new InvalidGrant('the refresh token is invalid');
}
