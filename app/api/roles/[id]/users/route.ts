import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { paginationQuery } from '@/lib/management/pagination';
import { assignRoles } from '@/lib/management/role-members';
import { loadRole } from '@/lib/management/roles/roles';
import { idList } from '@/lib/management/roles/schemas';
import { created, managementRoute, pagedJson, readQuery } from '@/lib/management/route';
import { listUsers } from '@/lib/management/users/users';

type Context = RouteContext<'/api/roles/[id]/users'>;

export const GET = managementRoute<Context>(async (request, { params }) => {
  const role = await loadRole((await params).id);
  return pagedJson(await listUsers({ ...readQuery(request, paginationQuery), roleId: role.id }));
});

/** POST {userIds} → 201; a user who already has the role is 422 `role.user_exists`, as in Logto. */
export const POST = managementRoute<Context>(async (request, { params }) => {
  const { userIds } = await readJson(request, z.object({ userIds: idList }));
  await assignRoles('user', userIds, [(await params).id], 'fail');
  return created();
});
