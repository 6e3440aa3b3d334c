import { json, managementRoute } from '@/lib/management/route';
import { hasPassword } from '@/lib/management/users/account';

/** GET /api/users/:id/has-password → {hasPassword}. */
export const GET = managementRoute<RouteContext<'/api/users/[id]/has-password'>>(async (_request, { params }) =>
  json(await hasPassword((await params).id)),
);
