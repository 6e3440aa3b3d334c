import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { managementRoute, noContent } from '@/lib/management/route';
import { checkPassword } from '@/lib/management/users/account';
import { password } from '@/lib/management/users/schemas';

/** POST /api/users/:id/password/verify {password} → 204, or 422 `session.invalid_credentials`. */
export const POST = managementRoute<RouteContext<'/api/users/[id]/password/verify'>>(async (request, { params }) => {
  const body = await readJson(request, z.object({ password }));
  await checkPassword((await params).id, body.password);
  return noContent();
});
