import { readJson } from '@/lib/http/handle-route';
import { createSecret, createSecretBody, listSecrets } from '@/lib/management/applications/secrets';
import { json, managementRoute } from '@/lib/management/route';

type Context = RouteContext<'/api/applications/[id]/secrets'>;

/** Names and dates, never values. */
export const GET = managementRoute<Context>(async (_request, { params }) => json(await listSecrets((await params).id)));

/** 201 with the new secret's `value`, shown this once. */
export const POST = managementRoute<Context>(async (request, { params }) =>
  json(await createSecret((await params).id, await readJson(request, createSecretBody)), 201),
);
