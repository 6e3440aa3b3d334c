import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { connectorFailureToAppError } from '@/lib/messages/send';
import { renderVerificationMessage } from '@/lib/messages/templates';
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
  const rendered = renderVerificationMessage('Generic', body.locale ?? 'en', { code: TEST_CODE, expiresInMinutes: 10 });
  const payload = { code: TEST_CODE, locale: body.locale ?? 'en' };
  try {
    if (factory.type === 'Email') {
      if (!body.email) throw new AppError('guard.invalid_input', 400, 'An email connector is tested with `email`.');
      await factory.create(config).send({ to: body.email, subject: rendered.subject, text: rendered.text, html: rendered.html, purpose: 'Generic', payload });
    } else {
      if (!body.phone) throw new AppError('guard.invalid_input', 400, 'An SMS connector is tested with `phone`.');
      await factory.create(config).send({ to: body.phone, text: rendered.sms, purpose: 'Generic', payload });
    }
  } catch (error) {
    throw connectorFailureToAppError(error);
  }
}
