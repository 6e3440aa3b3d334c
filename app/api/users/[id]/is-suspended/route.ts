import { after } from 'next/server';
import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute } from '@/lib/management/route';
import { setSuspended } from '@/lib/management/users/account';

/** PATCH /api/users/:id/is-suspended {isSuspended} → the user; suspending revokes sessions and tokens. */
export const PATCH = managementRoute<RouteContext<'/api/users/[id]/is-suspended'>>(async (request, { params }) => {
  const body = await readJson(request, z.object({ isSuspended: z.boolean() }));
  const { user, notifyApps } = await setSuspended((await params).id, body.isSuspended);
  // Back-channel logout to the user's apps, without holding the response.
  if (notifyApps) after(notifyApps);
  return json(user);
});
