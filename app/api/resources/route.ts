import { readJson } from '@/lib/http/handle-route';
import { createResource, listResourcePage } from '@/lib/management/resources/resources';
import { createResourceBody, listResourcesQuery } from '@/lib/management/resources/schemas';
import { json, managementRoute, pagedJson, readQuery } from '@/lib/management/route';

/** GET /api/resources?includeScopes=true&page=&page_size= */
export const GET = managementRoute(async (request) => pagedJson(await listResourcePage(readQuery(request, listResourcesQuery))));

/** POST /api/resources {name, indicator, accessTokenTtl?} → 201. */
export const POST = managementRoute(async (request) => json(await createResource(await readJson(request, createResourceBody)), 201));
