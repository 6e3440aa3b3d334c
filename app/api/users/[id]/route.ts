import { after } from 'next/server';
import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute, noContent } from '@/lib/management/route';
import { updateUserBody } from '@/lib/management/users/schemas';
import { getUser, removeUser, updateUserFields } from '@/lib/management/users/users';

type Context = RouteContext<'/api/users/[id]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await getUser((await params).id)));

export const PATCH = managementRoute<Context>(async (request, { params }) =>
  json(await updateUserFields((await params).id, await readJson(request, updateUserBody))),
);

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  const { notifyApps } = await removeUser((await params).id);
  // Back-channel logout to the user's apps, without holding the response.
  if (notifyApps) after(notifyApps);
  return noContent();
});
