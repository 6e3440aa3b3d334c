import { experienceOpenApiDocument } from '@/lib/experience/openapi';
import { handleRoute } from '@/lib/http/handle-route';

/**
 * GET /api/.well-known/experience.openapi.json — public, as Logto: the Experience API for custom
 * sign-in UIs. It changes only with a release, so caches may keep it for an hour.
 */
export const GET = handleRoute(() =>
  Response.json(experienceOpenApiDocument(), {
    headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' },
  }),
);
