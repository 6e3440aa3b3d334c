import { readJson } from '@/lib/http/handle-route';
import { loadConnector, removeConnector, updateConnector } from '@/lib/management/connectors/connectors';
import { updateConnectorBody } from '@/lib/management/connectors/schemas';
import { json, managementRoute, noContent } from '@/lib/management/route';

type Context = RouteContext<'/api/connectors/[id]'>;

export const GET = managementRoute<Context>(async (_request, { params }) => json(await loadConnector((await params).id)));

/** PATCH {config}: the whole config; a masked secret sent back keeps the stored one. */
export const PATCH = managementRoute<Context>(async (request, { params }) =>
  json(await updateConnector((await params).id, await readJson(request, updateConnectorBody))),
);

export const DELETE = managementRoute<Context>(async (_request, { params }) => {
  await removeConnector((await params).id);
  return noContent();
});
