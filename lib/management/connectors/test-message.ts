import type { z } from 'zod';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { deliverThrough } from '@/lib/messages/send';
import { findStoredConfigOf, loadFactory, validatedConfig } from './connectors';
import type { testConnectorBody } from './schemas';

/** What a test message carries instead of a real code, so nobody mistakes it for one. */
const TEST_CODE = '000000';

/**
 * POST /api/connectors/:connectorId/test: sends a message with the given config (not saved),
 * using the Generic template as Logto does. Masked secrets are filled from the configured
 * connector of the same implementation, so "test what is saved" works after a GET.
 */
export async function sendTestMessage(connectorId: string, body: z.infer<typeof testConnectorBody>): Promise<void> {
  const factory = loadFactory(connectorId);
  const config = validatedConfig(factory, body.config, await findStoredConfigOf(connectorId));
  const message = { purpose: 'Generic', locale: body.locale ?? 'en', code: TEST_CODE, expiresInMinutes: 10 } as const;
  if (factory.type === 'Email') {
    if (!body.email) throw new AppError('guard.invalid_input', 400, 'An email connector is tested with `email`.');
    await deliverThrough(await getDb(), { channel: 'email', connector: factory.create(config) }, { ...message, to: body.email });
  } else {
    if (!body.phone) throw new AppError('guard.invalid_input', 400, 'An SMS connector is tested with `phone`.');
    await deliverThrough(await getDb(), { channel: 'phone', connector: factory.create(config) }, { ...message, to: body.phone });
  }
}
