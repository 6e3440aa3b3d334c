import { readJson } from '@/lib/http/handle-route';
import { patchDetailsBody, patchEmailTemplate } from '@/lib/management/email-templates';
import { json, managementRoute } from '@/lib/management/route';

type Context = RouteContext<'/api/email-templates/[id]/details'>;

/** PATCH /api/email-templates/:id/details — changes some of a template's details (as Logto). */
export const PATCH = managementRoute<Context>(async (request, { params }) => json(await patchEmailTemplate((await params).id, await readJson(request, patchDetailsBody))));
