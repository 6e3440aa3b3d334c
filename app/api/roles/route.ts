import { readJson } from '@/lib/http/handle-route';
import { createRole, listRolePage } from '@/lib/management/roles/roles';
import { createRoleBody, listRolesQuery } from '@/lib/management/roles/schemas';
import { json, managementRoute, pagedJson, readQuery } from '@/lib/management/route';

/** GET /api/roles?type=&search=&excludeUserId=&excludeApplicationId= */
export const GET = managementRoute(async (request) => pagedJson(await listRolePage(readQuery(request, listRolesQuery))));

/** POST /api/roles {name, type?, description?, scopeIds?} — 200 (as Logto). */
export const POST = managementRoute(async (request) => json(await createRole(await readJson(request, createRoleBody))));
