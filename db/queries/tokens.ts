import { and, eq, isNull, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../database';
import { accessTokens, authorizationCodes, grants, refreshTokens, users, type Grant, type User } from '../schema';

export async function insertAuthorizationCode(db: Executor, code: typeof authorizationCodes.$inferInsert): Promise<void> {
  await db.insert(authorizationCodes).values(code);
}

/**
 * Marks a code used and returns it, in one statement: of two concurrent redemptions
 * exactly one gets the row (RFC 6749 §4.1.2, codes are single-use).
 */
export async function consumeAuthorizationCode(db: Executor, codeHash: string, now = new Date()) {
  const [row] = await db
    .update(authorizationCodes)
    .set({ consumedAt: now })
    .where(and(eq(authorizationCodes.codeHash, codeHash), isNull(authorizationCodes.consumedAt)))
    .returning();
  return row;
}

export async function findAuthorizationCode(db: Executor, codeHash: string) {
  return db.query.authorizationCodes.findFirst({ where: eq(authorizationCodes.codeHash, codeHash) });
}

export async function insertRefreshToken(db: Executor, token: typeof refreshTokens.$inferInsert): Promise<void> {
  await db.insert(refreshTokens).values(token);
}

/** Atomic single use for rotation: of two concurrent refreshes exactly one wins (RFC 9700 §4.14.2). */
export async function consumeRefreshToken(db: Executor, tokenHash: string, now = new Date()) {
  const [row] = await db
    .update(refreshTokens)
    .set({ consumedAt: now })
    .where(and(eq(refreshTokens.tokenHash, tokenHash), isNull(refreshTokens.consumedAt)))
    .returning();
  return row;
}

export function findRefreshToken(db: Executor, tokenHash: string) {
  return db.query.refreshTokens.findFirst({ where: eq(refreshTokens.tokenHash, tokenHash) });
}

export async function insertAccessToken(db: Executor, token: typeof accessTokens.$inferInsert): Promise<void> {
  await db.insert(accessTokens).values(token);
}

/** An opaque access token with its grant, so one round trip answers "is it still valid?". */
export async function findAccessTokenWithGrant(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ token: accessTokens, grant: grants })
    .from(accessTokens)
    .innerJoin(grants, eq(grants.id, accessTokens.grantId))
    .where(eq(accessTokens.tokenHash, tokenHash));
  return row;
}

export async function findRefreshTokenWithGrant(db: Executor, tokenHash: string) {
  const [row] = await db
    .select({ token: refreshTokens, grant: grants })
    .from(refreshTokens)
    .innerJoin(grants, eq(grants.id, refreshTokens.grantId))
    .where(eq(refreshTokens.tokenHash, tokenHash));
  return row;
}


/**
 * What the one-statement redemptions return: the grant and its user as the ID token needs
 * them, the scope the tokens carry, and whether a refresh token row was written.
 */
export type Redemption = { grant: Grant; user: User; scope: string; nonce: string | null; refreshTokenIssued: boolean };

/** Tokens minted before the statement runs: only their digests reach the database. */
export type PreparedTokens = {
  /** An opaque access token row, or nothing when the access token is a JWT for a resource. */
  accessToken?: { hash: string; expiresAt: Date };
  /** Written when the policy allows it for the grant. */
  refreshToken: { hash: string; policy: RefreshTokenPolicy };
};

/** `never` for apps that may not refresh; `always` for apps set to always get one; else only with offline access. */
export type RefreshTokenPolicy = 'never' | 'always' | 'with-offline-access';

/**
 * The grant is still good and so is its user: not revoked, not expired, not suspended;
 * and, when a resource is asked for, the grant covers it (RFC 8707).
 */
function activeGrantOf(grantId: SQL, now: Date, resourceIndicator: string | undefined) {
  return sql`exists (select 1 from ${grants} join ${users} on ${users.id} = ${grants.userId}
    where ${grants.id} = ${grantId} and ${grants.revokedAt} is null and ${grants.expiresAt} > ${now.toISOString()}::timestamptz
      and not ${users.isSuspended}
      ${resourceIndicator === undefined ? sql`` : sql`and ${grants.resources} @> ${JSON.stringify([resourceIndicator])}::jsonb`})`;
}

/**
 * The rest of a redemption statement, after the CTE `spent` (grant_id, scope, nonce,
 * refresh_expires_at) has consumed the code or refresh token: the opaque access token and
 * the refresh token are inserted only if `spent` has a row, and the final select joins
 * the grant and user. Data-modifying CTEs all happen or none do: one atomic statement,
 * one round trip, no transaction to hold open.
 */
async function issueFromSpent(db: Executor, spentSql: SQL, input: { clientId: string; tokens: PreparedTokens }): Promise<Redemption | undefined> {
  const { accessToken, refreshToken } = input.tokens;
  const spent = db
    .$with('spent', { grantId: sql<string>`grant_id`.as('grant_id'), scope: sql<string>`scope`.as('scope'), nonce: sql<string | null>`nonce`.as('nonce') }).as(spentSql);
  const accessInserted = db.$with('access_inserted', { one: sql<number>`one`.as('one') }).as(sql`
    insert into ${accessTokens} (token_hash, grant_id, application_id, user_id, scope, expires_at)
    select ${accessToken?.hash ?? null}, s.grant_id, ${input.clientId}, g.user_id, s.scope, ${accessToken?.expiresAt.toISOString() ?? null}::timestamptz
    from spent s join ${grants} g on g.id = s.grant_id
    where ${accessToken ? sql`true` : sql`false`}
    returning 1 as one`);
  const refreshCondition = refreshToken.policy === 'never' ? sql`false` : refreshToken.policy === 'always' ? sql`true` : sql`g.offline_access`;
  const refreshInserted = db.$with('refresh_inserted', { one: sql<number>`one`.as('one') }).as(sql`
    insert into ${refreshTokens} (token_hash, grant_id, application_id, scope, expires_at)
    select ${refreshToken.hash}, s.grant_id, ${input.clientId}, g.scope, s.refresh_expires_at
    from spent s join ${grants} g on g.id = s.grant_id
    where ${refreshCondition}
    returning 1 as one`);
  // The CTEs' columns are named in raw SQL: Drizzle would leave them unqualified, and
  // `scope` is also a grants column.
  const [row] = await db
    .with(spent, accessInserted, refreshInserted)
    .select({
      grant: grants,
      user: users,
      scope: sql<string>`spent.scope`,
      nonce: sql<string | null>`spent.nonce`,
      refreshTokenIssued: sql<boolean>`exists (select 1 from refresh_inserted)`.mapWith(Boolean),
    })
    .from(spent)
    .innerJoin(grants, sql`${grants.id} = spent.grant_id`)
    .innerJoin(users, eq(users.id, grants.userId));
  return row;
}

/**
 * RFC 6749 §4.1.3 in one statement: the code is consumed only if every binding holds —
 * unused, unexpired, this client, this redirect URI, the PKCE challenge the verifier
 * answers (or none when no verifier was sent), an active grant and user — and the tokens
 * are written in the same statement. No row means something failed; the caller then
 * finds out what on the slow path, where a reused code revokes its grant.
 */
export function redeemAuthorizationCode(
  db: Executor,
  input: { codeHash: string; clientId: string; redirectUri: string; codeChallenge: string | null; resourceIndicator?: string; tokens: PreparedTokens; refreshTokenExpiresAt: Date; now: Date },
): Promise<Redemption | undefined> {
  const now = input.now.toISOString();
  const spent = sql`
    update ${authorizationCodes} set consumed_at = ${now}::timestamptz
    where code_hash = ${input.codeHash} and consumed_at is null and expires_at > ${now}::timestamptz
      and application_id = ${input.clientId} and redirect_uri = ${input.redirectUri}
      and ${input.codeChallenge === null ? sql`code_challenge is null` : sql`code_challenge = ${input.codeChallenge}`}
      and ${activeGrantOf(sql`${authorizationCodes}.grant_id`, input.now, input.resourceIndicator)}
    returning grant_id, scope, nonce, ${input.refreshTokenExpiresAt.toISOString()}::timestamptz as refresh_expires_at`;
  return issueFromSpent(db, spent, { clientId: input.clientId, tokens: input.tokens });
}

/**
 * RFC 6749 §6 in one statement: the refresh token is consumed (with rotation) or only read
 * (without) if it is this client's, unexpired, unused, its grant and user active and the
 * requested scopes within its own; the successor keeps its absolute expiry. No row: the
 * slow path explains, and a rotated token presented again revokes the grant there.
 */
export function redeemRefreshToken(
  db: Executor,
  input: { tokenHash: string; clientId: string; rotate: boolean; requestedScopes?: string[]; resourceIndicator?: string; tokens: PreparedTokens; now: Date },
): Promise<Redemption | undefined> {
  const now = input.now.toISOString();
  const conditions = sql`token_hash = ${input.tokenHash} and consumed_at is null and expires_at > ${now}::timestamptz
      and application_id = ${input.clientId}
      ${input.requestedScopes ? sql`and to_jsonb(string_to_array(scope, ' ')) @> ${JSON.stringify(input.requestedScopes)}::jsonb` : sql``}
      and ${activeGrantOf(sql`${refreshTokens}.grant_id`, input.now, input.resourceIndicator)}`;
  // The tokens carry the requested scopes, or all of the refresh token's.
  const scope = input.requestedScopes ? sql`${input.requestedScopes.join(' ')}::text` : sql`scope`;
  const spent = input.rotate
    ? sql`update ${refreshTokens} set consumed_at = ${now}::timestamptz where ${conditions}
        returning grant_id, ${scope} as scope, null::text as nonce, expires_at as refresh_expires_at`
    : sql`select grant_id, ${scope} as scope, null::text as nonce, expires_at as refresh_expires_at from ${refreshTokens} where ${conditions}`;
  return issueFromSpent(db, spent, { clientId: input.clientId, tokens: input.tokens });
}
