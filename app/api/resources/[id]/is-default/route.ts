import { readJson } from '@/lib/http/handle-route';
import { setResourceDefault } from '@/lib/management/resources/resources';
import { isDefaultBody } from '@/lib/management/resources/schemas';
import { json, managementRoute } from '@/lib/management/route';

/** PATCH {isDefault} → the resource; at most one resource is the default. */
export const PATCH = managementRoute<RouteContext<'/api/resources/[id]/is-default'>>(async (request, { params }) => {
  const { isDefault } = await readJson(request, isDefaultBody);
  return json(await setResourceDefault((await params).id, isDefault));
});
