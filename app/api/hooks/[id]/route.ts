import { readJson } from '@/lib/http/handle-route';
import { getHook, removeHook, updateHookBody, updateHookFields } from '@/lib/management/hooks';
import { json, managementRoute, noContent } from '@/lib/management/route';

type Context = RouteContext<'/api/hooks/[id]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await getHook((await params).id)));

export const PATCH = managementRoute<Context>(async (request, { params }) => json(await updateHookFields((await params).id, await readJson(request, updateHookBody))));

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removeHook((await params).id);
  return noContent();
});
