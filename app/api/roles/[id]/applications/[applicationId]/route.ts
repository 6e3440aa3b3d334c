import { unassignRole } from '@/lib/management/role-members';
import { managementRoute, noContent } from '@/lib/management/route';

export const DELETE = managementRoute<RouteContext<'/api/roles/[id]/applications/[applicationId]'>>(async (_request, { params }) => {
  const { id, applicationId } = await params;
  await unassignRole('application', { memberId: applicationId, roleId: id });
  return noContent();
});
