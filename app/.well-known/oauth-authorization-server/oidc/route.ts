// RFC 8414 §3.1: for an issuer with a path (`${APP_URL}/oidc`), the metadata URI inserts
// the well-known segment before that path. OAuth-only clients (openid-client with
// algorithm 'oauth2', for one) look here; the /oidc/.well-known alias serves Logto's clients.
export { GET } from '@/app/oidc/.well-known/openid-configuration/route';
