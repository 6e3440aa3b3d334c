import '@/tests/support/experience-env';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { getDb } from '@/db/client';
import { listDevMessages } from '@/db/queries/dev-messages';
import * as users from '@/db/queries/users';
import * as registry from '@/lib/connectors/registry';
import { ConnectorError } from '@/lib/connectors/types';
import { closeTestDatabase, createApplication, createUser, startBrowserInteraction } from '@/tests/support/experience-fixture';
import { loadExperience, startInteractionEvent } from '../interaction';
import { sendVerificationCode } from './verification-code';

let applicationId: string;

// The first use opens a fresh embedded database (~6 s, more on a busy machine).
beforeAll(async () => {
  applicationId = await createApplication();
  await createUser({ username: 'ivan', primaryEmail: 'ivan@example.com' });
}, 60_000);
afterAll(closeTestDatabase);
afterEach(() => vi.restoreAllMocks());

async function resetting() {
  const cookie = await startBrowserInteraction(applicationId);
  const experience = await loadExperience(await getDb(), cookie.split('=')[1]!);
  await startInteractionEvent(experience, 'ForgotPassword');
  return experience;
}

const sendReset = async (email: string) =>
  sendVerificationCode(await resetting(), { identifier: { type: 'email', value: email }, interactionEvent: 'ForgotPassword' }, 'en');

/**
 * A password-reset send must not tell, even by its timing, whether an account has the address.
 * Tested as behaviour: both paths run the same steps before answering (one connector lookup,
 * one user lookup, nothing delivered), and only the existing account gets a delivery, after.
 */
describe('a password-reset code takes the same steps for an existing and an unknown account', () => {
  for (const [label, email, exists] of [
    ['an existing account', 'ivan@example.com', true],
    ['an unknown address', 'nobody@example.com', false],
  ] as const) {
    it(`for ${label}: one connector lookup, one user lookup, nothing delivered before the answer`, async () => {
      const connectorLookup = vi.spyOn(registry, 'findEmailConnector');
      const userLookup = vi.spyOn(users, 'findUserByIdentifier');
      const result = await sendReset(email);
      expect(connectorLookup).toHaveBeenCalledTimes(1);
      expect(userLookup).toHaveBeenCalledTimes(1);
      expect(result.verificationId).toEqual(expect.any(String));
      expect(await listDevMessages(await getDb(), { recipient: email })).toEqual([]);

      expect(result.deliverAfterResponse !== undefined).toBe(exists);
      await result.deliverAfterResponse?.();
      expect(await listDevMessages(await getDb(), { recipient: email })).toHaveLength(exists ? 1 : 0);
      expect(connectorLookup).toHaveBeenCalledTimes(1);
    });
  }

  it('answers 501 connector.not_found alike, before any code is issued, when nothing can deliver', async () => {
    vi.spyOn(registry, 'findEmailConnector').mockRejectedValue(new ConnectorError('connector.not_found', 'No email connector is configured.'));
    const refusal = { code: 'connector.not_found', status: 501 };
    await expect(sendReset('ivan+501@example.com')).rejects.toMatchObject(refusal);
    await expect(sendReset('nobody+501@example.com')).rejects.toMatchObject(refusal);
  });

  it('logs a failed background delivery without the code or the address, and never throws', async () => {
    const send = vi.fn().mockRejectedValue(new ConnectorError('connector.send_failed', 'Mailbox ivan@example.com refused the message'));
    vi.spyOn(registry, 'findEmailConnector').mockResolvedValue({ connectorId: 'failing', send });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + 61_000); // past the first test's per-recipient send interval
    try {
      const { deliverAfterResponse } = await sendReset('ivan@example.com');
      await expect(deliverAfterResponse!()).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
    expect(send).toHaveBeenCalledTimes(1);
    const code = (send.mock.calls[0]![0] as { payload: { code: string } }).payload.code;
    const lines = logged.mock.calls.map((call) => String(call[0]));
    expect(lines).toEqual([expect.stringContaining('verification code delivery failed')]);
    expect(lines[0]).toContain('connector.send_failed');
    expect(lines[0]).not.toContain('ivan');
    expect(lines[0]).not.toContain(code);
  });
});
