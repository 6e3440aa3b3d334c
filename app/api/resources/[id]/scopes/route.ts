import { readJson } from '@/lib/http/handle-route';
import { paginationQuery } from '@/lib/management/pagination';
import { createScopeBody } from '@/lib/management/resources/schemas';
import { createScope, listResourceScopes } from '@/lib/management/resources/scopes';
import { json, managementRoute, pagedJson, readQuery } from '@/lib/management/route';

type Context = RouteContext<'/api/resources/[id]/scopes'>;

export const GET = managementRoute<Context>(async (request, { params }) =>
  pagedJson(await listResourceScopes((await params).id, readQuery(request, paginationQuery))),
);

/** POST {name, description?} → 201; names are unique per resource. */
export const POST = managementRoute<Context>(async (request, { params }) =>
  json(await createScope((await params).id, await readJson(request, createScopeBody)), 201),
);
