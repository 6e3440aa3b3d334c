import createMiddleware from 'next-intl/middleware';
import { NextRequest } from 'next/server';
import { contentSecurityPolicy } from './lib/http/content-security-policy';
import { routing } from './lib/i18n/routing';

// Locale routing (STYLE.md convention 8), and the App Router pages' Content-Security-Policy: no auth decisions happen here.
const localize = createMiddleware(routing);

/** The sign-in experience screens: Pages Router pages that set their own policy (app/_experience/server/experience-page.ts). */
const experienceScreens = new RegExp(`^(?:/(?:${routing.locales.join('|')}))?/(?:sign-in|register|complete-profile|forgot-password|magic-link)(?:/|$)`);

/**
 * The App Router pages (consent, sign-out, error, landing) inline the scripts React needs, so
 * only scripts carrying this response's nonce run (Next puts the nonce it finds in the request's
 * policy on its own scripts). Production only: `next dev` evaluates code of its own.
 */
function appRouterPolicy(nonce: string): string {
  return contentSecurityPolicy(`'self' 'nonce-${nonce}' 'strict-dynamic'`);
}

export default function proxy(request: NextRequest) {
  if (process.env.NODE_ENV !== 'production' || experienceScreens.test(request.nextUrl.pathname)) return localize(request);
  const policy = appRouterPolicy(btoa(crypto.randomUUID()));
  // The page reads its nonce off the request (as Next documents it; `next start` also finds it on
  // the response). Only pages are rendered on GET: a post (a server action) keeps its own body untouched.
  let forwarded = request;
  if (request.method === 'GET' || request.method === 'HEAD') {
    const headers = new Headers(request.headers);
    headers.set('content-security-policy', policy);
    forwarded = new NextRequest(request, { headers });
  }
  const response = localize(forwarded);
  response.headers.set('content-security-policy', policy);
  return response;
}

export const config = {
  // Never localize the protocol and JSON endpoints, Next's internals, or files with an extension.
  matcher: ['/((?!oidc|api|_next|_vercel|.*\\..*).*)'],
};
