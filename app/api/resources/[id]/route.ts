import { readJson } from '@/lib/http/handle-route';
import { loadResource, removeResource, resourceResponse, updateResourceFields } from '@/lib/management/resources/resources';
import { updateResourceBody } from '@/lib/management/resources/schemas';
import { json, managementRoute, noContent } from '@/lib/management/route';

type Context = RouteContext<'/api/resources/[id]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(resourceResponse(await loadResource((await params).id))));

/** PATCH {name?, accessTokenTtl?}; the built-in Management API resource is 403. */
export const PATCH = managementRoute<Context>(async (request, { params }) =>
  json(await updateResourceFields((await params).id, await readJson(request, updateResourceBody))),
);

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removeResource((await params).id);
  return noContent();
});
