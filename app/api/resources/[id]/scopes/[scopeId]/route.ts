import { readJson } from '@/lib/http/handle-route';
import { updateScopeBody } from '@/lib/management/resources/schemas';
import { removeScope, updateScopeFields } from '@/lib/management/resources/scopes';
import { json, managementRoute, noContent } from '@/lib/management/route';

type Context = RouteContext<'/api/resources/[id]/scopes/[scopeId]'>;

export const PATCH = managementRoute<Context>(async (request, { params }) => {
  const { id, scopeId } = await params;
  return json(await updateScopeFields(id, scopeId, await readJson(request, updateScopeBody)));
});

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  const { id, scopeId } = await params;
  await removeScope(id, scopeId);
  return noContent();
});
