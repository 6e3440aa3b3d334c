/** Liveness: a constant answer with no I/O — also the framework's ceiling in `npm run bench`. */
export function GET() {
  return Response.json({ status: 'live' }, { headers: { 'cache-control': 'no-store' } });
}
