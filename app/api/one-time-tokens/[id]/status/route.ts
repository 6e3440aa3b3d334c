import { readJson } from '@/lib/http/handle-route';
import { json, managementRoute } from '@/lib/management/route';
import { changeOneTimeTokenStatus } from '@/lib/one-time-tokens/manage';
import { updateOneTimeTokenStatusBody } from '@/lib/one-time-tokens/schemas';

type Context = RouteContext<'/api/one-time-tokens/[id]/status'>;

/** PUT {status}: `consumed`, `revoked` or `expired`; `active` is 400 `one_time_token.cannot_reactivate_token`. */
export const PUT = managementRoute<Context>(async (request, { params }) =>
  json(await changeOneTimeTokenStatus((await params).id, await readJson(request, updateOneTimeTokenStatusBody))),
);
