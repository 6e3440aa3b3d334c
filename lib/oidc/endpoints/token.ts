import { authenticateClient } from '../client-auth';
import { InvalidRequest, UnauthorizedClient, UnsupportedGrantType } from '../errors';
import { authorizationCodeGrant } from '../grants/authorization-code';
import { clientCredentialsGrant } from '../grants/client-credentials';
import { refreshTokenGrant } from '../grants/refresh-token';
import { readFormParams, tokenResponse } from './form-params';

const grantsByType = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
  client_credentials: clientCredentialsGrant,
} as const;

/** Which grants each app type may use (Logto's per-type client metadata). */
function allowedGrants(type: string): string[] {
  return type === 'MachineToMachine' ? ['client_credentials'] : ['authorization_code', 'refresh_token'];
}

/** POST /oidc/token (RFC 6749 §3.2). */
export async function tokenEndpoint(request: Request): Promise<Response> {
  const params = await readFormParams(request);
  const grantType = params.get('grant_type');
  if (!grantType) throw new InvalidRequest("missing required parameter 'grant_type'");
  if (!(grantType in grantsByType)) throw new UnsupportedGrantType(`unsupported grant_type '${grantType}'`);
  const { client } = await authenticateClient(request, params);
  if (!allowedGrants(client.type).includes(grantType)) {
    throw new UnauthorizedClient(`this client may not use the '${grantType}' grant`);
  }
  const grant = grantsByType[grantType as keyof typeof grantsByType];
  return tokenResponse(await grant(client, params));
}
