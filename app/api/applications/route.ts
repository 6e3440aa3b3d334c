import { readJson } from '@/lib/http/handle-route';
import { createApplication, listApplicationPage } from '@/lib/management/applications/applications';
import { createApplicationBody } from '@/lib/management/applications/schemas';
import { paginationQuery } from '@/lib/management/pagination';
import { json, managementRoute, pagedJson, readQuery } from '@/lib/management/route';

export const GET = managementRoute(async (request) => pagedJson(await listApplicationPage(readQuery(request, paginationQuery))));

/** POST /api/applications — 200 (as Logto); confidential apps carry their one-time `secret`. */
export const POST = managementRoute(async (request) => json(await createApplication(await readJson(request, createApplicationBody))));
