import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute } from '@/lib/management/route';
import { verifyOneTimeTokenBody } from '@/lib/one-time-tokens/schemas';
import { verifyOneTimeToken } from '@/lib/one-time-tokens/manage';

/** POST {token, email}: consumes the token (single use) and answers with its record. */
export const POST = managementRoute(async (request) => json(await verifyOneTimeToken(await readJson(request, verifyOneTimeTokenBody))));
