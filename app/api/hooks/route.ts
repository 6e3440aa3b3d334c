import { readJson } from '@/lib/http/handle-route';
import { createHook, createHookBody, listHookResponses } from '@/lib/management/hooks';
import { json, managementRoute } from '@/lib/management/route';

/** GET /api/hooks — the webhooks, with their signing keys (as Logto). */
export const GET = managementRoute(async () => json(await listHookResponses()));

/** POST /api/hooks — a webhook for PostRegister, PostSignIn and/or PostResetPassword, with a new signing key. */
export const POST = managementRoute(async (request) => json(await createHook(await readJson(request, createHookBody)), 201));
