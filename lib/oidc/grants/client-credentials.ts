import type { Client } from '../clients';
import { InvalidScope, InvalidTarget, UnauthorizedClient } from '../errors';
import { defaultResourceIndicator, resolveResource, scopesHeldOn } from '../resources';
import { formatScope, parseScope } from '../scope';
import { issueJwtAccessToken } from '../tokens/jwt-access-token';

/**
 * RFC 6749 §4.4 for MachineToMachine apps. The token is a JWT for one API resource
 * (RFC 8707); its scopes are those the app holds through its roles — the requested ones,
 * or all of them when none are requested. A requested scope the resource does not define
 * is `invalid_scope`; one it defines but the app does not hold is left out.
 */
export async function clientCredentialsGrant(client: Client, params: URLSearchParams) {
  if (client.type !== 'MachineToMachine') throw new UnauthorizedClient('only machine-to-machine apps may use client_credentials');
  const indicators = params.getAll('resource');
  if (indicators.length > 1) throw new InvalidTarget('only one resource may be requested per token');
  const indicator = indicators[0] ?? (await defaultResourceIndicator());
  if (!indicator) throw new InvalidTarget('a resource is required for client_credentials');
  const resource = await resolveResource(indicator);

  const requested = parseScope(params.get('scope'));
  const unknown = requested.filter((scope) => !resource.scopeNames.includes(scope));
  if (unknown.length > 0) throw new InvalidScope(`the resource does not define: ${unknown.join(' ')}`);
  const held = await scopesHeldOn(resource, { kind: 'application', id: client.id });
  const granted = requested.length > 0 ? requested.filter((scope) => held.includes(scope)) : held;

  const { token, expiresIn } = await issueJwtAccessToken({
    audience: resource.indicator,
    subject: client.id,
    clientId: client.id,
    scopes: granted,
    ttlSeconds: resource.accessTokenTtl,
  });
  return { access_token: token, token_type: 'Bearer', expires_in: expiresIn, scope: formatScope(granted) };
}
