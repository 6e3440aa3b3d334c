import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { listApplicationPage } from '@/lib/management/applications/applications';
import { paginationQuery } from '@/lib/management/pagination';
import { assignRoles } from '@/lib/management/role-members';
import { loadRole } from '@/lib/management/roles/roles';
import { idList } from '@/lib/management/roles/schemas';
import { created, managementRoute, pagedJson, readQuery } from '@/lib/management/route';

type Context = RouteContext<'/api/roles/[id]/applications'>;

export const GET = managementRoute<Context>(async (request, { params }) => {
  const role = await loadRole((await params).id);
  return pagedJson(await listApplicationPage({ ...readQuery(request, paginationQuery), roleId: role.id }));
});

/** POST {applicationIds} → 201; an app that already has the role is 422 `role.application_exists`. */
export const POST = managementRoute<Context>(async (request, { params }) => {
  const { applicationIds } = await readJson(request, z.object({ applicationIds: idList }));
  await assignRoles('application', applicationIds, [(await params).id], 'fail');
  return created();
});
