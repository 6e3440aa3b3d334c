import { getEmailTemplate, removeEmailTemplate } from '@/lib/management/email-templates';
import { json, managementRoute, noContent } from '@/lib/management/route';

type Context = RouteContext<'/api/email-templates/[id]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await getEmailTemplate((await params).id)));

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removeEmailTemplate((await params).id);
  return noContent();
});
