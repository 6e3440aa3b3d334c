import { z } from 'zod';
import { readJson } from '@/lib/http/handle-route';
import { getProfileField, removeProfileField, replaceProfileField } from '@/lib/management/custom-profile-fields';
import { json, managementRoute, noContent } from '@/lib/management/route';
import { profileFieldBodySchema } from '@/lib/sign-in-exp/profile-fields';

type Context = RouteContext<'/api/custom-profile-fields/[name]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await getProfileField((await params).name)));

/** The PUT body: the whole field; `name` may be left out, and otherwise must be the path's (a field is not renamed). */
const replaceBody = (name: string) =>
  z.looseObject({ name: z.string().optional() }).refine((body) => body.name === undefined || body.name === name, { path: ['name'], message: 'must be the name in the path' });

/** PUT /api/custom-profile-fields/:name — replaces the field whole. */
export const PUT = managementRoute<Context>(async (request, { params }) => {
  const { name } = await params;
  const body = profileFieldBodySchema.parse({ ...(await readJson(request, replaceBody(name))), name });
  return json(await replaceProfileField(name, body));
});

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removeProfileField((await params).name);
  return noContent();
});
