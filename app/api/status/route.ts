import { handleRoute, noStore } from '@/lib/http/handle-route';
import { systemStatus } from '@/lib/system/status';

/** Health and version: 200 when the database answers, 503 with the reason when it does not. */
export const GET = handleRoute(async () => {
  const status = await systemStatus();
  return Response.json(status, { status: status.status === 'ok' ? 200 : 503, headers: noStore });
});
