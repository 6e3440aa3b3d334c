import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { verifyJwtAccessToken, type JwtAccessTokenClaims } from './tokens/jwt-access-token';

export const MANAGEMENT_SCOPE = 'all';

/**
 * Guards the Management API: a Bearer JWT issued for the management resource
 * (`${APP_URL}/api` unless MANAGEMENT_API_RESOURCE says otherwise) carrying scope `all`.
 * Errors use Logto's codes: 401 `auth.authorization_header_missing` / `auth.unauthorized`,
 * 403 `auth.forbidden`.
 */
export async function requireManagementAccess(request: Request): Promise<JwtAccessTokenClaims> {
  const header = request.headers.get('authorization');
  if (!header) throw new AppError('auth.authorization_header_missing', 401, 'The Authorization header is missing.');
  const match = header.match(/^Bearer\s+(\S+)$/i);
  if (!match?.[1]) throw new AppError('auth.authorization_token_type_not_supported', 401, 'Use a Bearer token.');
  let claims: JwtAccessTokenClaims;
  try {
    claims = await verifyJwtAccessToken(match[1], env().managementApiResource);
  } catch {
    throw new AppError('auth.unauthorized', 401, 'The access token is invalid, expired, or not for the Management API.');
  }
  if (!claims.scope.split(' ').includes(MANAGEMENT_SCOPE)) {
    throw new AppError('auth.forbidden', 403, `The access token lacks the '${MANAGEMENT_SCOPE}' scope.`);
  }
  return claims;
}
