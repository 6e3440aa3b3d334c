import { discoveryDocument } from '@/lib/oidc/discovery';

// Public and identical for everyone: let browsers and CDNs cache it.
export function GET() {
  return Response.json(discoveryDocument(), {
    headers: { 'cache-control': 'public, max-age=300, s-maxage=3600', 'access-control-allow-origin': '*' },
  });
}
