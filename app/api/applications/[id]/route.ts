import { readJson } from '@/lib/http/handle-route';
import { getApplication, removeApplication, updateApplicationFields } from '@/lib/management/applications/applications';
import { updateApplicationBody } from '@/lib/management/applications/schemas';
import { json, managementRoute, noContent } from '@/lib/management/route';

type Context = RouteContext<'/api/applications/[id]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await getApplication((await params).id)));

export const PATCH = managementRoute<Context>(async (request, { params }) =>
  json(await updateApplicationFields((await params).id, await readJson(request, updateApplicationBody))),
);

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removeApplication((await params).id);
  return noContent();
});
