import { unassignRole } from '@/lib/management/role-members';
import { managementRoute, noContent } from '@/lib/management/route';

export const DELETE = managementRoute<RouteContext<'/api/users/[id]/roles/[roleId]'>>(async (_request, { params }) => {
  const { id, roleId } = await params;
  await unassignRole('user', { memberId: id, roleId });
  return noContent();
});
