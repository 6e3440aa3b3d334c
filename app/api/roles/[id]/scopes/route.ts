import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { paginationQuery } from '@/lib/management/pagination';
import { addRoleScopes, listRoleScopes } from '@/lib/management/roles/role-scopes';
import { idList } from '@/lib/management/roles/schemas';
import { json, managementRoute, pagedJson, readQuery } from '@/lib/management/route';

type Context = RouteContext<'/api/roles/[id]/scopes'>;

/** Each scope comes with its resource ({id, name, indicator}). */
export const GET = managementRoute<Context>(async (request, { params }) =>
  pagedJson(await listRoleScopes((await params).id, readQuery(request, paginationQuery))),
);

/** POST {scopeIds} → 200 with every scope the role now has, as in Logto. */
export const POST = managementRoute<Context>(async (request, { params }) => {
  const { scopeIds } = await readJson(request, z.object({ scopeIds: idList }));
  return json(await addRoleScopes((await params).id, scopeIds));
});
