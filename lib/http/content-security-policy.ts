/**
 * Sesame's Content-Security-Policy for its pages, given where scripts may come from: nothing
 * may frame a page, no plugins, no `<base>`; styles may be inline (the operator's colours are a
 * style attribute) and logos and icons come from wherever the operator keeps them.
 * No `form-action`: Chromium applies it to the redirects after a post, and a sign-in ends in one
 * to the app.
 */
export function contentSecurityPolicy(scriptSrc: string): string {
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: https: http:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
