import { randomBytes } from 'node:crypto';
import { env } from '@/lib/env';
import type { AuthorizationRequest } from './request';

type Target = Pick<AuthorizationRequest, 'redirectUri' | 'responseMode' | 'state'>;

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

/**
 * Sends the authorization response to the client: `state` echoed, and `iss` always
 * (RFC 9207, mix-up defence). `query` is a 303 redirect; `form_post` (OAuth 2.0 Form
 * Post Response Mode) an auto-submitting form that also works without JavaScript.
 */
export function respondToClient(target: Target, values: Record<string, string>, extraHeaders: string[] = []): Response {
  const params: Record<string, string> = { ...values, ...(target.state !== undefined ? { state: target.state } : {}), iss: env().issuer };
  const headers = new Headers({ 'cache-control': 'no-store' });
  for (const cookie of extraHeaders) headers.append('set-cookie', cookie);

  if (target.responseMode === 'form_post') {
    const nonce = randomBytes(16).toString('base64');
    const inputs = Object.entries(params)
      .map(([name, value]) => `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`)
      .join('');
    headers.set('content-type', 'text/html; charset=utf-8');
    headers.set('content-security-policy', `default-src 'none'; script-src 'nonce-${nonce}'; form-action ${formActionSource(target.redirectUri)}; frame-ancestors 'none'`);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>Continue</title></head><body>
<form method="post" action="${escapeHtml(target.redirectUri)}">${inputs}<noscript><button type="submit">Continue</button></noscript></form>
<script nonce="${nonce}">document.forms[0].submit()</script></body></html>`;
    return new Response(html, { status: 200, headers });
  }

  const url = new URL(target.redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  headers.set('location', url.toString());
  return new Response(null, { status: 303, headers });
}

export function respondWithError(target: Target, error: { error: string; description: string }, extraHeaders: string[] = []): Response {
  return respondToClient(target, { error: error.error, error_description: error.description }, extraHeaders);
}

/** CSP source for the form target: its origin, or its scheme for native apps' private-use URI schemes. */
function formActionSource(redirectUri: string): string {
  const url = new URL(redirectUri);
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.origin : url.protocol;
}
