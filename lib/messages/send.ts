import type { Executor } from '@/db/client';
import { AppError } from '@/lib/errors';
import { findEmailConnector, findSmsConnector } from '@/lib/connectors/registry';
import { ConnectorError, type MessagePurpose } from '@/lib/connectors/types';
import { renderVerificationMessage } from './templates';

export type VerificationMessage = {
  channel: 'email' | 'phone';
  to: string;
  purpose: MessagePurpose;
  locale: string;
  code: string;
  /** How long the code stays valid, said in the message when given. */
  expiresInMinutes?: number;
};

/**
 * Renders and delivers a verification code through the connector in force. Connector
 * failures become the Experience API's errors: 501 when nothing can deliver, 502 when the
 * provider failed (the person can try again; the cause is logged, never the code).
 */
export async function sendVerificationMessage(db: Executor, message: VerificationMessage): Promise<void> {
  const deliver = await verificationMessageSender(db, message.channel);
  await deliver(message);
}

/**
 * The two halves of `sendVerificationMessage`, for a caller that must learn now whether
 * anything can deliver (501 `connector.not_found`) but deliver later, after responding.
 * The returned function renders and delivers through the connector found here (502 on failure).
 */
export async function verificationMessageSender(db: Executor, channel: VerificationMessage['channel']): Promise<(message: VerificationMessage) => Promise<void>> {
  try {
    if (channel === 'email') {
      const connector = await findEmailConnector(db);
      return (message) =>
        guardDelivery(() => {
          const rendered = renderMessage(message);
          return connector.send({ to: message.to, subject: rendered.subject, text: rendered.text, html: rendered.html, purpose: message.purpose, payload: payloadOf(message) });
        });
    }
    const connector = await findSmsConnector(db);
    return (message) => guardDelivery(() => connector.send({ to: message.to, text: renderMessage(message).sms, purpose: message.purpose, payload: payloadOf(message) }));
  } catch (error) {
    throw connectorFailureToAppError(error);
  }
}

function renderMessage(message: VerificationMessage) {
  return renderVerificationMessage(message.purpose, message.locale, { code: message.code, expiresInMinutes: message.expiresInMinutes });
}

/** Template variables for connectors that render their own text (the HTTP SMS webhook) and for the dev mailbox. */
function payloadOf(message: VerificationMessage): Record<string, string> {
  const payload: Record<string, string> = { code: message.code, locale: message.locale };
  if (message.expiresInMinutes !== undefined) payload.expiresInMinutes = String(message.expiresInMinutes);
  return payload;
}

async function guardDelivery(send: () => Promise<void>): Promise<void> {
  try {
    await send();
  } catch (error) {
    throw connectorFailureToAppError(error);
  }
}

/** `connector.not_found` is 501 (as Logto), any other connector failure 502; other errors pass through. */
export function connectorFailureToAppError(error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  const status = error.code === 'connector.not_found' ? 501 : 502;
  return new AppError(error.code, status, error.message);
}
