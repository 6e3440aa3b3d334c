import type { Executor } from '@/db/client';
import { sharedTtlCache } from '@/lib/cache/ttl-cache';
import { env } from '@/lib/env';
import type { ConnectorType } from './catalog';
import { devMailboxEmailConnector, devMailboxSmsConnector } from './dev-mailbox';
import { smtpConfigFromUrl, smtpEmailConnector } from './email/smtp';
import { findStoredConnector, type StoredConnector } from './stored';
import { ConnectorError, type EmailConnector, type SmsConnector } from './types';

/**
 * Configured connectors are read on every code sent; a few seconds in memory spares the
 * query and the decryption. Writes through the Management API invalidate this instance's
 * copy at once; other instances converge within the TTL.
 */
const stored = sharedTtlCache<StoredConnector | null>('stored-connectors', 5_000);

function loadStored(db: Executor, type: ConnectorType): Promise<StoredConnector | null> {
  return stored.get(type, async () => (await findStoredConnector(db, type)) ?? null);
}

export function invalidateConnectorCache(): void {
  stored.invalidate();
}

/**
 * The connector that delivers email now: the one configured through the Management API,
 * else `SMTP_URL`, else the development mailbox where it is allowed. None is
 * `connector.not_found` (the Experience API's 501).
 */
export async function findEmailConnector(db: Executor): Promise<EmailConnector> {
  const configured = await loadStored(db, 'Email');
  if (configured?.factory.type === 'Email') return configured.factory.create(configured.config);
  const smtp = env().smtp;
  if (smtp) return smtpEmailConnector(smtpConfigFromUrl(smtp.url, smtp.from));
  if (env().devMailbox) return devMailboxEmailConnector(db);
  throw new ConnectorError('connector.not_found', 'No email connector is configured.');
}

/** The configured SMS connector, else the development mailbox where it is allowed. */
export async function findSmsConnector(db: Executor): Promise<SmsConnector> {
  const configured = await loadStored(db, 'Sms');
  if (configured?.factory.type === 'Sms') return configured.factory.create(configured.config);
  if (env().devMailbox) return devMailboxSmsConnector(db);
  throw new ConnectorError('connector.not_found', 'No SMS connector is configured.');
}
