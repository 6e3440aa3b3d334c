import type { Executor } from '@/db/client';
import { env } from '@/lib/env';
import { devMailboxEmailConnector, devMailboxSmsConnector } from './dev-mailbox';
import { ConnectorError, type EmailConnector, type SmsConnector } from './types';

/**
 * The connector that delivers email now: a configured one first, then the development
 * mailbox where it is allowed. None is `connector.not_found` (the Experience API's 501).
 */
export async function findEmailConnector(db: Executor): Promise<EmailConnector> {
  if (env().devMailbox) return devMailboxEmailConnector(db);
  throw new ConnectorError('connector.not_found', 'No email connector is configured.');
}

export async function findSmsConnector(db: Executor): Promise<SmsConnector> {
  if (env().devMailbox) return devMailboxSmsConnector(db);
  throw new ConnectorError('connector.not_found', 'No SMS connector is configured.');
}
