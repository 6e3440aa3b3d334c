import { readJson } from '@/lib/http/handle-route';
import { testConnectorBody } from '@/lib/management/connectors/schemas';
import { sendTestMessage } from '@/lib/management/connectors/test-message';
import { managementRoute, noContent } from '@/lib/management/route';

/**
 * POST /api/connectors/:connectorId/test {email | phone, config, locale?} — sends a test message
 * with this config, unsaved. The segment is the implementation (`smtp`, `http-sms`,
 * `twilio-sms`), as Logto's `/connectors/:factoryId/test`; Next needs one name per level.
 */
export const POST = managementRoute<RouteContext<'/api/connectors/[id]/test'>>(async (request, { params }) => {
  await sendTestMessage((await params).id, await readJson(request, testConnectorBody));
  return noContent();
});
