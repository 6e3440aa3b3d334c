import { readJson } from '@/lib/http/handle-route';
import { loadRole, removeRole, roleResponse, updateRoleFields } from '@/lib/management/roles/roles';
import { updateRoleBody } from '@/lib/management/roles/schemas';
import { json, managementRoute, noContent } from '@/lib/management/route';

type Context = RouteContext<'/api/roles/[id]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(roleResponse(await loadRole((await params).id))));

/** PATCH {name?, description?}: the type is fixed at creation. */
export const PATCH = managementRoute<Context>(async (request, { params }) =>
  json(await updateRoleFields((await params).id, await readJson(request, updateRoleBody))),
);

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removeRole((await params).id);
  return noContent();
});
