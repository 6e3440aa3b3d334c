import { managementRoute, noContent } from '@/lib/management/route';
import { removeRoleScope } from '@/lib/management/roles/role-scopes';

export const DELETE = managementRoute<RouteContext<'/api/roles/[id]/scopes/[scopeId]'>>(async (_request, { params }) => {
  const { id, scopeId } = await params;
  await removeRoleScope(id, scopeId);
  return noContent();
});
