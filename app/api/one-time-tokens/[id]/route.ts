import { json, managementRoute, noContent } from '@/lib/management/route';
import { loadOneTimeToken, removeOneTimeToken } from '@/lib/one-time-tokens/manage';

type Context = RouteContext<'/api/one-time-tokens/[id]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await loadOneTimeToken((await params).id)));

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removeOneTimeToken((await params).id);
  return noContent();
});
