import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute } from '@/lib/management/route';
import { mergeProfile } from '@/lib/management/users/account';
import { userProfile } from '@/lib/management/users/schemas';

/** PATCH /api/users/:id/profile {profile} merges top-level keys and returns the stored profile. */
export const PATCH = managementRoute<RouteContext<'/api/users/[id]/profile'>>(async (request, { params }) => {
  const body = await readJson(request, z.object({ profile: userProfile }));
  return json(await mergeProfile((await params).id, body.profile));
});
