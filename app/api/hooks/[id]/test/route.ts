import { readJson } from '@/lib/http/handle-route';
import { testHook, testHookBody } from '@/lib/management/hooks';
import { managementRoute, noContent } from '@/lib/management/route';

type Context = RouteContext<'/api/hooks/[id]/test'>;

/** POST /api/hooks/:id/test — sends sample payloads to the given config (not saved); 204 when the receiver took them. */
export const POST = managementRoute<Context>(async (request, { params }) => {
  await testHook((await params).id, await readJson(request, testHookBody));
  return noContent();
});
