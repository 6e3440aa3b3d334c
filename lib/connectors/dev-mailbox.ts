import type { Executor } from '@/db/client';
import { insertDevMessage } from '@/db/queries/dev-messages';
import { generateId } from '@/lib/security/ids';
import type { EmailConnector, SmsConnector } from './types';

/**
 * The development mailbox: with no connector configured and `DEV_MAILBOX` on (the default
 * outside production), messages are kept in the database for the mailbox page instead of sent.
 */
export function devMailboxEmailConnector(db: Executor): EmailConnector {
  return {
    connectorId: 'dev-mailbox',
    async send({ to, subject, text, html, purpose, payload }) {
      await insertDevMessage(db, { id: generateId(), channel: 'email', recipient: to, purpose, subject, text, html, payload });
    },
  };
}

export function devMailboxSmsConnector(db: Executor): SmsConnector {
  return {
    connectorId: 'dev-mailbox',
    async send({ to, text, purpose, payload }) {
      await insertDevMessage(db, { id: generateId(), channel: 'sms', recipient: to, purpose, text, payload });
    },
  };
}
