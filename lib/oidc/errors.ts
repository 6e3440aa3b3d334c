import type { ResponseError } from '@/lib/http/handle-route';

/**
 * OAuth 2.0 / OpenID Connect errors (RFC 6749 §4.1.2.1, §5.2; RFC 6750 §3.1; OIDC Core §3.1.2.6).
 * `redirectable` says whether the authorization endpoint may send the error back to the
 * client's redirect_uri: an unknown client or unregistered redirect_uri never redirects.
 */
export class OAuthError extends Error implements ResponseError {
  constructor(
    readonly error: string,
    readonly description: string,
    readonly status = 400,
    readonly redirectable = true,
  ) {
    super(`${error}: ${description}`);
    this.name = 'OAuthError';
  }

  toBody() {
    return { error: this.error, error_description: this.description };
  }

  toResponse(): Response {
    return Response.json(this.toBody(), { status: this.status, headers: { 'cache-control': 'no-store', pragma: 'no-cache' } });
  }
}

const define = (error: string, status = 400, redirectable = true) =>
  class extends OAuthError {
    constructor(description: string) {
      super(error, description, status, redirectable);
    }
  };

export const InvalidRequest = define('invalid_request');
export const InvalidScope = define('invalid_scope');
export const InvalidTarget = define('invalid_target');
export const InvalidGrant = define('invalid_grant');
export const UnauthorizedClient = define('unauthorized_client');
export const UnsupportedGrantType = define('unsupported_grant_type');
export const UnsupportedResponseType = define('unsupported_response_type');
export const UnsupportedTokenType = define('unsupported_token_type');
export const AccessDenied = define('access_denied', 403);
export const LoginRequired = define('login_required');
export const ConsentRequired = define('consent_required');
export const RequestNotSupported = define('request_not_supported');
export const RequestUriNotSupported = define('request_uri_not_supported');
export const ServerError = define('server_error', 500);

/** RFC 6749 §5.2: 401, and a WWW-Authenticate challenge when the client tried HTTP Basic. */
export class InvalidClient extends OAuthError {
  constructor(
    description: string,
    readonly usedBasic = false,
  ) {
    super('invalid_client', description, 401, false);
  }

  override toResponse(): Response {
    const response = super.toResponse();
    if (this.usedBasic) response.headers.set('www-authenticate', 'Basic realm="sesame"');
    return response;
  }
}

/** Errors about the client or redirect_uri themselves: shown on a page, never redirected (RFC 6749 §4.1.2.1). */
export class InvalidRedirectUri extends OAuthError {
  constructor(description: string) {
    super('invalid_redirect_uri', description, 400, false);
  }
}

/** RFC 6750 §3: a protected resource's Bearer challenge. */
export class BearerError extends OAuthError {
  constructor(error: 'invalid_request' | 'invalid_token' | 'insufficient_scope', description: string) {
    super(error, description, error === 'insufficient_scope' ? 403 : error === 'invalid_request' ? 400 : 401, false);
  }

  override toResponse(): Response {
    const response = super.toResponse();
    const quoted = this.description.replace(/["\\]/g, '');
    response.headers.set('www-authenticate', `Bearer realm="sesame", error="${this.error}", error_description="${quoted}"`);
    return response;
  }
}
