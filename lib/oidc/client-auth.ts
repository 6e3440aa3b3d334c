import { InvalidClient, InvalidRequest } from './errors';
import { findClient, secretMatches, type Client } from './clients';

export type ClientAuthMethod = 'client_secret_basic' | 'client_secret_post' | 'none';

/** RFC 6749 §2.3.1: Basic credentials are form-urlencoded before base64. */
export function parseBasic(header: string): { clientId: string; secret: string } | undefined {
  if (!/^basic /i.test(header)) return undefined;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new InvalidRequest('malformed Basic authorization header');
  try {
    return {
      clientId: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
      secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
    };
  } catch {
    throw new InvalidRequest('malformed Basic authorization header');
  }
}

/**
 * Authenticates the client at the token, revocation and introspection endpoints:
 * client_secret_basic, client_secret_post, or `none` for public clients. One method per
 * request (RFC 6749 §2.3); every failure is the same `invalid_client`.
 */
export async function authenticateClient(request: Request, params: URLSearchParams): Promise<{ client: Client; method: ClientAuthMethod }> {
  const header = request.headers.get('authorization');
  const basic = header ? parseBasic(header) : undefined;
  const postSecret = params.get('client_secret');
  if (basic && postSecret !== null) throw new InvalidRequest('use only one client authentication method');
  const bodyClientId = params.get('client_id');
  if (basic && bodyClientId !== null && bodyClientId !== basic.clientId) {
    throw new InvalidRequest('client_id does not match the authenticated client');
  }
  const clientId = basic?.clientId ?? bodyClientId;
  if (!clientId) throw new InvalidClient('client authentication is required', Boolean(header));

  const client = await findClient(clientId);
  const secret = basic?.secret ?? postSecret;
  if (!client) throw new InvalidClient('client authentication failed', Boolean(basic));

  if (client.isPublic) {
    if (secret !== null) throw new InvalidClient('public clients do not authenticate with a secret', Boolean(basic));
    return { client, method: 'none' };
  }
  if (secret === null || !secretMatches(client, secret)) throw new InvalidClient('client authentication failed', Boolean(basic));
  return { client, method: basic ? 'client_secret_basic' : 'client_secret_post' };
}
