import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { paginationQuery } from '@/lib/management/pagination';
import { assignRoles, listRolesHeldBy } from '@/lib/management/role-members';
import { idList } from '@/lib/management/roles/schemas';
import { created, managementRoute, pagedJson, readQuery } from '@/lib/management/route';

type Context = RouteContext<'/api/users/[id]/roles'>;

export const GET = managementRoute<Context>(async (request, { params }) =>
  pagedJson(await listRolesHeldBy('user', (await params).id, readQuery(request, paginationQuery))),
);

/** POST {roleIds} → 201; roles already held are skipped, as in Logto. */
export const POST = managementRoute<Context>(async (request, { params }) => {
  const { roleIds } = await readJson(request, z.object({ roleIds: idList }));
  await assignRoles('user', [(await params).id], roleIds, 'skip');
  return created();
});
