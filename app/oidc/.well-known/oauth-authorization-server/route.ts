// RFC 8414 metadata: the same document as OpenID Connect Discovery.
export { GET } from '../openid-configuration/route';
