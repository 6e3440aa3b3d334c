import { createHash } from 'node:crypto';
import { getDb } from '@/db/client';
import { revokeGrant } from '@/db/queries/grants';
import { consumeAuthorizationCode, findAuthorizationCode, redeemAuthorizationCode } from '@/db/queries/tokens';
import { sha256 } from '@/lib/security/crypto';
import type { Client } from '../clients';
import { InvalidGrant, InvalidRequest } from '../errors';
import { verifierMatches } from '../pkce';
import { parseScope } from '../scope';
import type { ResolvedResource } from '../resources';
import {
  issueUserTokens,
  mayReceiveRefreshToken,
  mintUserTokens,
  prepareUserTokens,
  refreshTokenPolicy,
  refreshTokenTtlMs,
  userTokenResponse,
} from '../tokens/issue-user-tokens';
import { loadActiveGrantAndUser } from './load-grant-user';

type CodeRequest = { code: string; redirectUri: string; verifier: string | null };

/**
 * RFC 6749 §4.1.3 with PKCE (RFC 7636 §4.5-4.6). The common case — everything in order —
 * is one SQL statement; any failure falls through to the ordered checks, which say what
 * went wrong and treat a reused code as theft.
 */
export async function authorizationCodeGrant(client: Client, params: URLSearchParams) {
  const code = params.get('code');
  const redirectUri = params.get('redirect_uri');
  const verifier = params.get('code_verifier');
  if (!code) throw new InvalidRequest("missing required parameter 'code'");
  if (!redirectUri) throw new InvalidRequest("missing required parameter 'redirect_uri'");

  const { resource } = await prepareUserTokens(params);
  const request = { code, redirectUri, verifier };
  return (await redeemInOneStatement(client, request, resource)) ?? explainFailedRedemption(client, request, resource);
}

/** The fast path: consume, check every binding and write the tokens in one statement. */
async function redeemInOneStatement(client: Client, request: CodeRequest, resource: ResolvedResource | undefined) {
  let codeChallenge: string | null = null;
  if (request.verifier) {
    codeChallenge = createHash('sha256').update(request.verifier).digest('base64url');
    // A malformed verifier answers no challenge (RFC 7636 §4.1): let the checks below say so.
    if (!verifierMatches(request.verifier, codeChallenge)) return undefined;
  }
  const db = await getDb();
  const now = new Date();
  const minted = mintUserTokens({ resource, refreshTokenPolicy: refreshTokenPolicy(client), now });
  const redeemed = await redeemAuthorizationCode(db, {
    codeHash: sha256(request.code),
    clientId: client.id,
    redirectUri: request.redirectUri,
    codeChallenge,
    resourceIndicator: resource?.indicator,
    tokens: minted.prepared,
    refreshTokenExpiresAt: new Date(now.getTime() + refreshTokenTtlMs(client)),
    now,
  });
  if (!redeemed) return undefined;
  return userTokenResponse(db, {
    client,
    grant: redeemed.grant,
    user: redeemed.user,
    scopes: parseScope(redeemed.scope),
    resource,
    nonce: redeemed.nonce,
    accessToken: minted.accessToken,
    refreshToken: redeemed.refreshTokenIssued ? minted.refreshToken : undefined,
  });
}

/**
 * The slow path, as ordered checks in a transaction that rolls back on the first failure
 * (so a code sent with the wrong redirect URI is not spent). It also completes a
 * redemption the fast path missed only through a race, such as a grant revoked meanwhile.
 */
async function explainFailedRedemption(client: Client, { code, redirectUri, verifier }: CodeRequest, resource: ResolvedResource | undefined) {
  const db = await getDb();
  const codeHash = sha256(code);
  const body = await db.transaction(async (tx) => {
    const row = await consumeAuthorizationCode(tx, codeHash);
    if (!row) return undefined;
    if (row.expiresAt <= new Date()) throw new InvalidGrant('the authorization code has expired');
    if (row.applicationId !== client.id) throw new InvalidGrant('the authorization code was issued to another client');
    if (row.redirectUri !== redirectUri) throw new InvalidGrant('redirect_uri does not match the authorization request');
    if (row.codeChallenge) {
      if (!verifier) throw new InvalidGrant('code_verifier is required');
      if (!verifierMatches(verifier, row.codeChallenge)) throw new InvalidGrant('code_verifier does not match the code_challenge');
    } else if (verifier) {
      // RFC 9700 §2.1.1: a verifier without a challenge would let a downgrade go unnoticed.
      throw new InvalidGrant('code_verifier was sent but the authorization request had no code_challenge');
    }
    const { grant, user } = await loadActiveGrantAndUser(tx, row.grantId);
    return issueUserTokens(tx, {
      client,
      grant,
      user,
      scopes: parseScope(row.scope),
      resource,
      nonce: row.nonce,
      refreshTokenExpiresAt: mayReceiveRefreshToken(client, grant) ? new Date(Date.now() + refreshTokenTtlMs(client)) : undefined,
    });
  });
  if (body) return body;

  // RFC 6749 §4.1.2: a code used twice is a sign of theft; revoke every token it produced.
  const used = await findAuthorizationCode(db, codeHash);
  if (used?.applicationId === client.id) await revokeGrant(db, used.grantId);
  throw new InvalidGrant('the authorization code is invalid, expired, or was already used');
}
