import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

/**
 * CSRF defence for cookie-authenticated JSON APIs (the Experience API). A browser sends
 * cookies with cross-site form posts and "simple" fetches, so such routes refuse:
 * - an `Origin` other than ours (browsers always send it with cross-origin POST and PUT;
 *   clients outside a browser omit it, and carry no ambient cookies to abuse);
 * - a body that is not `application/json`: forms and no-CORS fetches can only send
 *   form-encoded, multipart or text/plain, while JSON requires a CORS preflight we never grant.
 * A request without any body (Logto's `POST /submit`) passes the second check.
 */
export function assertSameOriginJson(request: Request): void {
  assertSameOrigin(request.headers.get('origin'));
  const contentType = request.headers.get('content-type');
  if (contentType === null ? hasBody(request) : !isJson(contentType)) {
    throw new AppError('request.unsupported_content_type', 415, 'Send the request body as application/json.');
  }
}

/**
 * CSRF defence for the experience pages' form posts (cookie-authenticated, as above): a form
 * another site posts carries that site's `Origin`. Browsers send `Origin` with every POST;
 * a request without one comes from outside a browser, with no ambient cookies to abuse.
 */
export function assertSameOrigin(origin: string | null | undefined): void {
  if (origin !== null && origin !== undefined && origin !== new URL(env().appUrl).origin) {
    throw new AppError('request.cross_origin_forbidden', 403, 'Cross-origin requests are not allowed here.');
  }
}

function isJson(contentType: string): boolean {
  return contentType.split(';')[0]!.trim().toLowerCase() === 'application/json';
}

function hasBody(request: Request): boolean {
  const length = request.headers.get('content-length');
  return request.headers.has('transfer-encoding') || (length !== null && length !== '0');
}
