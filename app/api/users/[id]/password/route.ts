import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute } from '@/lib/management/route';
import { setPassword } from '@/lib/management/users/account';
import { password } from '@/lib/management/users/schemas';

/** PATCH /api/users/:id/password {password} → the user. */
export const PATCH = managementRoute<RouteContext<'/api/users/[id]/password'>>(async (request, { params }) => {
  const body = await readJson(request, z.object({ password }));
  return json(await setPassword((await params).id, body.password));
});
