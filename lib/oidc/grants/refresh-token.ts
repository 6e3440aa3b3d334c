import { getDb } from '@/db/client';
import { revokeGrant } from '@/db/queries/grants';
import { consumeRefreshToken, findRefreshToken } from '@/db/queries/tokens';
import { sha256 } from '@/lib/security/crypto';
import type { Client } from '../clients';
import { InvalidGrant, InvalidRequest, InvalidScope } from '../errors';
import { parseScope } from '../scope';
import { issueUserTokens, prepareUserTokens } from '../tokens/issue-user-tokens';
import { loadActiveGrantAndUser } from './load-grant-user';

/** Public clients always rotate (RFC 9700 §4.14.2); confidential ones unless the app turned rotation off. */
const rotates = (client: Client) => client.isPublic || client.customClientMetadata.rotateRefreshToken !== false;

/**
 * RFC 6749 §6. With rotation, each refresh token is single-use, consumed atomically in
 * the same transaction that issues its successor; a rotated token presented again means
 * it leaked, so the whole grant is revoked. The successor keeps the old absolute expiry:
 * refreshing never extends a grant's life.
 */
export async function refreshTokenGrant(client: Client, params: URLSearchParams) {
  const presented = params.get('refresh_token');
  if (!presented) throw new InvalidRequest("missing required parameter 'refresh_token'");
  const { resource } = await prepareUserTokens(params);
  const db = await getDb();
  const tokenHash = sha256(presented);
  const now = new Date();
  const rotate = rotates(client);

  const body = await db.transaction(async (tx) => {
    const row = rotate ? await consumeRefreshToken(tx, tokenHash, now) : await findRefreshToken(tx, tokenHash);
    if (!row || (!rotate && row.consumedAt)) return undefined;
    if (row.applicationId !== client.id) throw new InvalidGrant('the refresh token was issued to another client');
    if (row.expiresAt <= now) throw new InvalidGrant('the refresh token has expired');

    const granted = parseScope(row.scope);
    const requested = params.has('scope') ? parseScope(params.get('scope')) : granted;
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
