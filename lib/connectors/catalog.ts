import type { z } from 'zod';
import { smtpConfigSchema, smtpEmailConnector } from './email/smtp';
import { httpSmsConfigSchema, httpSmsConnector } from './sms/http-webhook';
import { twilioSmsConfigSchema, twilioSmsConnector } from './sms/twilio';
import type { EmailConnector, SmsConnector } from './types';

type Factory<Type, Connector> = {
  /** Logto calls this the connector factory id; rows of `connectors` name it in `connectorId`. */
  connectorId: string;
  type: Type;
  name: string;
  description: string;
  configSchema: z.ZodType<Record<string, unknown>>;
  /** Dotted paths of config values that are secrets: sealed at rest, masked in every answer. */
  secretPaths: readonly string[];
  /** Where the secrets are sent: a masked secret is only restored while these stay the same. */
  destinationPaths: readonly string[];
  create(config: Record<string, unknown>): Connector;
};

export type EmailConnectorFactory = Factory<'Email', EmailConnector>;
export type SmsConnectorFactory = Factory<'Sms', SmsConnector>;
export type ConnectorFactory = EmailConnectorFactory | SmsConnectorFactory;
export type ConnectorType = ConnectorFactory['type'];

const smtp: EmailConnectorFactory = {
  connectorId: 'smtp',
  type: 'Email',
  name: 'SMTP',
  description: 'Sends email through any SMTP server.',
  configSchema: smtpConfigSchema,
  secretPaths: ['auth.pass'],
  destinationPaths: ['host'],
  create: (config) => smtpEmailConnector(smtpConfigSchema.parse(config)),
};

const httpSms: SmsConnectorFactory = {
  connectorId: 'http-sms',
  type: 'Sms',
  name: 'HTTP SMS',
  description: 'POSTs each message as JSON to a webhook of yours, optionally signed with HMAC-SHA256.',
  configSchema: httpSmsConfigSchema,
  secretPaths: ['authorization', 'signingSecret'],
  destinationPaths: ['endpoint'],
  create: (config) => httpSmsConnector(httpSmsConfigSchema.parse(config)),
};

const twilio: SmsConnectorFactory = {
  connectorId: 'twilio-sms',
  type: 'Sms',
  name: 'Twilio SMS',
  description: "Sends SMS through Twilio's Messages API.",
  configSchema: twilioSmsConfigSchema,
  secretPaths: ['authToken'],
  destinationPaths: ['apiBaseUrl', 'accountSID'],
  create: (config) => twilioSmsConnector(twilioSmsConfigSchema.parse(config)),
};

/** Every connector implementation Sesame ships (one file each under email/ and sms/). */
export const connectorFactories: readonly ConnectorFactory[] = [smtp, httpSms, twilio];

export const connectorFactoryIds = ['smtp', 'http-sms', 'twilio-sms'] as const;

export function findConnectorFactory(connectorId: string): ConnectorFactory | undefined {
  return connectorFactories.find((factory) => factory.connectorId === connectorId);
}
