import { unassignRole } from '@/lib/management/role-members';
import { managementRoute, noContent } from '@/lib/management/route';

export const DELETE = managementRoute<RouteContext<'/api/roles/[id]/users/[userId]'>>(async (_request, { params }) => {
  const { id, userId } = await params;
  await unassignRole('user', { memberId: userId, roleId: id });
  return noContent();
});
