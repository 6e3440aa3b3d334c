import { readJson } from '@/lib/http/handle-route';
import { createConnector, listConnectors } from '@/lib/management/connectors/connectors';
import { createConnectorBody } from '@/lib/management/connectors/schemas';
import { json, managementRoute } from '@/lib/management/route';

/** GET /api/connectors — the configured email and SMS connectors, secrets masked. */
export const GET = managementRoute(async () => json(await listConnectors()));

/** POST /api/connectors {connectorId: smtp | http-sms | twilio-sms, config} — one per type (Email, Sms). */
export const POST = managementRoute(async (request) => json(await createConnector(await readJson(request, createConnectorBody))));
