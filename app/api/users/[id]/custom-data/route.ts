import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute } from '@/lib/management/route';
import { mergeCustomData } from '@/lib/management/users/account';
import { jsonObject } from '@/lib/management/users/schemas';
import { getUser } from '@/lib/management/users/users';

type Context = RouteContext<'/api/users/[id]/custom-data'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json((await getUser((await params).id)).customData));

/** PATCH {customData} merges top-level keys and returns the stored custom data. */
export const PATCH = managementRoute<Context>(async (request, { params }) => {
  const body = await readJson(request, z.object({ customData: jsonObject }));
  return json(await mergeCustomData((await params).id, body.customData));
});
