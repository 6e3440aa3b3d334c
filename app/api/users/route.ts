import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute, pagedJson, readQuery } from '@/lib/management/route';
import { createUserBody, listUsersQuery } from '@/lib/management/users/schemas';
import { createUser, listUsers } from '@/lib/management/users/users';

/** GET /api/users?search=&page=&page_size= */
export const GET = managementRoute(async (request) => pagedJson(await listUsers(readQuery(request, listUsersQuery))));

/** POST /api/users — 200 with the user, as Logto. */
export const POST = managementRoute(async (request) => json(await createUser(await readJson(request, createUserBody))));
