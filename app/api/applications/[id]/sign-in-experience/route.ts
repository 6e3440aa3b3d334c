import { readJson } from '@/lib/http/handle-route';
import {
  applicationSignInExperienceBody,
  getApplicationSignInExperience,
  putApplicationSignInExperience,
} from '@/lib/management/applications/sign-in-experience';
import { json, managementRoute } from '@/lib/management/route';

type Context = RouteContext<'/api/applications/[id]/sign-in-experience'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await getApplicationSignInExperience((await params).id)));

/** 201 when it creates the app's sign-in experience, 200 when it replaces it (as Logto). */
export const PUT = managementRoute<Context>(async (request, { params }) => {
  const { body, created } = await putApplicationSignInExperience((await params).id, await readJson(request, applicationSignInExperienceBody));
  return json(body, created ? 201 : 200);
});
