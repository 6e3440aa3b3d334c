import { unassignRole } from '@/lib/management/role-members';
import { managementRoute, noContent } from '@/lib/management/route';

export const DELETE = managementRoute<RouteContext<'/api/applications/[id]/roles/[roleId]'>>(async (_request, { params }) => {
  const { id, roleId } = await params;
  await unassignRole('application', { memberId: id, roleId });
  return noContent();
});
