import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute, pagedJson, readQuery } from '@/lib/management/route';
import { createOneTimeToken, listOneTimeTokenPage } from '@/lib/one-time-tokens/manage';
import { createOneTimeTokenBody, listOneTimeTokensQuery } from '@/lib/one-time-tokens/schemas';

/** GET /api/one-time-tokens?email=&status=&page=&page_size= (never the tokens themselves: only digests are stored). */
export const GET = managementRoute(async (request) => pagedJson(await listOneTimeTokenPage(readQuery(request, listOneTimeTokensQuery))));

/** POST /api/one-time-tokens {email, expiresIn?, context?} → 201 with the token, shown this once. */
export const POST = managementRoute(async (request) => json(await createOneTimeToken(await readJson(request, createOneTimeTokenBody)), 201));
