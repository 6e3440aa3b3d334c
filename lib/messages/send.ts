import type { Executor } from '@/db/client';
import { AppError } from '@/lib/errors';
import { findEmailConnector, findSmsConnector } from '@/lib/connectors/registry';
import { templateFor } from '@/lib/connectors/templates';
import { ConnectorError, type EmailConnector, type MessagePurpose, type SmsConnector } from '@/lib/connectors/types';
import { findEmailTemplatesOfType } from '@/db/queries/email-templates';
import { loadMessages } from '@/lib/i18n/messages';
import { getSignInExperience } from '@/lib/sign-in-exp/store';
import { fillTemplate, pickTemplate, renderCustomEmail, type CustomEmail, type TemplateContext } from './custom-templates';
import { messageLocale, renderVerificationMessage } from './templates';

export type VerificationMessage = {
  channel: 'email' | 'phone';
  to: string;
  purpose: MessagePurpose;
  locale: string;
  code: string;
  /** How long the code stays valid, said in the message when given. */
  expiresInMinutes?: number;
  /** The app the person is signing in to: named in the message (the built-in templates, `{{application.name}}`). */
  application?: TemplateContext['application'];
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
  let target: ChannelConnector;
  try {
    target = channel === 'email' ? { channel, connector: await findEmailConnector(db) } : { channel, connector: await findSmsConnector(db) };
  } catch (error) {
    throw connectorFailureToAppError(error);
  }
  return (message) => deliverThrough(db, target, message);
}

/** A connector together with the channel it serves, so the message is rendered for it. */
export type ChannelConnector = { channel: 'email'; connector: EmailConnector } | { channel: 'phone'; connector: SmsConnector };

/**
 * Renders the message for the connector's channel and sends it (connector failures as 501/502).
 * The operator's templates come first (lib/messages/custom-templates.ts): for an email, the one
 * for its purpose and language (`/api/email-templates`), else the connector config's for its
 * purpose; for an SMS, the connector config's. Otherwise Sesame's built-in message, in the
 * operator's custom phrases where set (lib/i18n/messages.ts). An HTML
 * template's plain-text alternative is the built-in text, so a text-only mail client still shows the code.
 */
export async function deliverThrough(db: Executor, target: ChannelConnector, message: Omit<VerificationMessage, 'channel'>): Promise<void> {
  const { code, locale, expiresInMinutes, application } = message;
  const rendered = renderVerificationMessage(message.purpose, locale, { code, expiresInMinutes, appName: application?.displayName }, await loadMessages(messageLocale(locale), db));
  const payload = payloadOf(message);
  try {
    if (target.channel === 'email') {
      const own = templateFor(target.connector.templates, message.purpose);
      const custom = (await languageTemplateFor(db, message)) ?? (own && renderCustomEmail(own, message));
      const email = custom ? { ...custom, text: custom.text ?? rendered.text } : { subject: rendered.subject, text: rendered.text, html: rendered.html };
      await target.connector.send({ to: message.to, ...email, purpose: message.purpose, payload });
    } else {
      const own = templateFor(target.connector.templates, message.purpose);
      await target.connector.send({ to: message.to, text: own ? fillTemplate(own.content, message, 'text') : rendered.sms, purpose: message.purpose, payload });
    }
  } catch (error) {
    throw connectorFailureToAppError(error);
  }
}

async function languageTemplateFor(db: Executor, message: Omit<VerificationMessage, 'channel'>): Promise<CustomEmail | undefined> {
  const [templates, { languageInfo }] = await Promise.all([findEmailTemplatesOfType(db, message.purpose), getSignInExperience(db)]);
  const template = pickTemplate(templates, message.locale, languageInfo.fallbackLanguage);
  return template && renderCustomEmail(template.details, message);
}

/** Template variables for connectors that render their own text (the HTTP SMS webhook) and for the dev mailbox. */
function payloadOf(message: Omit<VerificationMessage, 'channel'>): Record<string, string> {
  const payload: Record<string, string> = { code: message.code, locale: message.locale };
  if (message.expiresInMinutes !== undefined) payload.expiresInMinutes = String(message.expiresInMinutes);
  return payload;
}

/** `connector.not_found` is 501 (as Logto), any other connector failure 502; other errors pass through. */
export function connectorFailureToAppError(error: unknown): unknown {
  if (!(error instanceof ConnectorError)) return error;
  const status = error.code === 'connector.not_found' ? 501 : 502;
  return new AppError(error.code, status, error.message);
}
