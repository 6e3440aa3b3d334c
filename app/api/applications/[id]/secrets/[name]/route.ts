import { deleteSecret } from '@/lib/management/applications/secrets';
import { managementRoute, noContent } from '@/lib/management/route';

export const DELETE = managementRoute<RouteContext<'/api/applications/[id]/secrets/[name]'>>(async (_request, { params }) => {
  const { id, name } = await params;
  await deleteSecret(id, name);
  return noContent();
});
