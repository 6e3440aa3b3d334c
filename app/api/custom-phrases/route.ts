import { listPhrases } from '@/lib/management/custom-phrases';
import { json, managementRoute } from '@/lib/management/route';

/** GET /api/custom-phrases — every language's custom phrases (as Logto). */
export const GET = managementRoute(async () => json(await listPhrases()));
