/**
 * Next's client router follows a server action's redirect by fetching the target with an
 * `RSC` header, and falls back to a full page load when the answer is not a React Server
 * Component payload. For our protocol endpoints (a route handler, not a page) that first
 * fetch must not do the work — it would finish the authorization and spend its single-use
 * state — so it gets an empty answer and the browser's real navigation does the work.
 */
export function isRouterFetch(request: Request): boolean {
  return request.headers.has('rsc') || request.headers.has('next-router-state-tree');
}

export const routerFetchFallback = () =>
  new Response(null, { status: 204, headers: { 'cache-control': 'no-store', vary: 'rsc, next-router-state-tree' } });
