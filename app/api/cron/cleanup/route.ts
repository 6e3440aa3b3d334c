import { handleRoute, noStore } from '@/lib/http/handle-route';
import { runCleanup } from '@/lib/system/cleanup-schedule';
import { authorizeCronRequest } from '@/lib/system/cron-auth';

/** Vercel Cron (vercel.json): deletes expired rows; answers with the count per table. */
export const GET = handleRoute(async (request) => {
  authorizeCronRequest(request);
  return Response.json({ deleted: await runCleanup() }, { headers: noStore });
});
