import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { paginationQuery } from '@/lib/management/pagination';
import { assignRoles, listRolesHeldBy } from '@/lib/management/role-members';
import { idList } from '@/lib/management/roles/schemas';
import { json, managementRoute, pagedJson, readQuery } from '@/lib/management/route';

type Context = RouteContext<'/api/applications/[id]/roles'>;

export const GET = managementRoute<Context>(async (request, { params }) =>
  pagedJson(await listRolesHeldBy('application', (await params).id, readQuery(request, paginationQuery))),
);

/** POST {roleIds} → 201 {roleIds, addedRoleIds}; roles already held are skipped, as in Logto. */
export const POST = managementRoute<Context>(async (request, { params }) => {
  const { roleIds } = await readJson(request, z.object({ roleIds: idList }));
  const added = await assignRoles('application', [(await params).id], roleIds, 'skip');
  return json({ roleIds, addedRoleIds: added.map((link) => link.roleId) }, 201);
});
