import { recentDeliveries } from '@/lib/management/hooks';
import { json, managementRoute } from '@/lib/management/route';

type Context = RouteContext<'/api/hooks/[id]/recent-logs'>;

/** GET /api/hooks/:id/recent-logs — the last day's deliveries: event, result, status, never the payload. */
export const GET = managementRoute<Context>(async (_request, { params }) => json(await recentDeliveries((await params).id)));
