import createMiddleware from 'next-intl/middleware';
import { routing } from './lib/i18n/routing';

// Locale routing only (STYLE.md convention 8): no auth decisions happen here.
export default createMiddleware(routing);

export const config = {
  // Never localize the protocol and JSON endpoints, Next's internals, or files with an extension.
  matcher: ['/((?!oidc|api|_next|_vercel|.*\\..*).*)'],
};
