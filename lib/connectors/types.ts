import type { EmailConnectorTemplate, SmsTemplate } from './templates';

/**
 * The typed connector contracts (STYLE.md convention 12, after Logto's connector-kit).
 * A connector delivers an already rendered message; templates live in lib/messages.
 */
export type MessagePurpose = 'SignIn' | 'Register' | 'ForgotPassword' | 'Generic';

export type EmailMessage = {
  to: string;
  subject: string;
  text: string;
  /** Absent when the operator's template is plain text. */
  html?: string;
  /** From the operator's template: where replies go, and the sender's display name. */
  replyTo?: string;
  fromName?: string;
  purpose: MessagePurpose;
  /** Template variables, kept by the development mailbox so tests and people can read the code. */
  payload: Record<string, string>;
};

export type SmsMessage = { to: string; text: string; purpose: MessagePurpose; payload: Record<string, string> };

/** `templates`: the connector config's own templates (./templates.ts), which lib/messages renders before sending. */
export type EmailConnector = { readonly connectorId: string; readonly templates?: EmailConnectorTemplate[]; send(message: EmailMessage): Promise<void> };
export type SmsConnector = { readonly connectorId: string; readonly templates?: SmsTemplate[]; send(message: SmsMessage): Promise<void> };

/**
 * A delivery that failed for a reason the caller can name: `connector.not_found` (nothing
 * configured, 501 as in Logto), `connector.send_failed` (the provider refused or is down, 502).
 */
export class ConnectorError extends Error {
  constructor(
    readonly code: 'connector.not_found' | 'connector.send_failed' | 'connector.invalid_config',
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'ConnectorError';
  }
}
