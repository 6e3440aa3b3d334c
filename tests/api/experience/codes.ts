import { getDb } from '@/db/client';
import { listDevMessages } from '@/db/queries/dev-messages';
import { defaultSignInExperience, type SignInExperience } from '@/lib/sign-in-exp/schema';
import { saveSignInExperience } from '@/lib/sign-in-exp/store';
import { validateSignInExperience } from '@/lib/sign-in-exp/validate';
import { runAfterResponse } from './after-response';
import { expectStatus, verificationIdOf, type ExperienceClient } from './client';

/** The code in the newest message the development mailbox holds for `recipient`. */
export async function latestCode(recipient: string): Promise<string> {
  const [message] = await listDevMessages(await getDb(), { recipient, limit: 1 });
  const code = message?.payload.code;
  if (!code) throw new Error(`No code was sent to ${recipient}`);
  return code;
}

export async function messageCount(recipient: string): Promise<number> {
  return (await listDevMessages(await getDb(), { recipient })).length;
}

/**
 * Stores a sign-in experience: the defaults with `changes` on top. It must pass the same
 * validation as a Management API PATCH, so no test runs on a configuration an operator cannot make.
 */
export async function configure(changes: Partial<SignInExperience> = {}): Promise<void> {
  const experience = { ...defaultSignInExperience, ...changes };
  validateSignInExperience(experience);
  await saveSignInExperience(await getDb(), experience);
}

/** Sends a code for `event`, reads it from the mailbox and verifies it: the verified record's id. */
export async function verifyByCode(
  client: ExperienceClient,
  identifier: { type: 'email' | 'phone'; value: string },
  event: string,
  recipient = identifier.value,
): Promise<string> {
  const verificationId = await verificationIdOf(client.sendCode(identifier, event));
  // A password-reset code is delivered after the response (in files that capture `after()`).
  await runAfterResponse();
  await expectStatus(client.verifyCode(identifier, verificationId, await latestCode(recipient)), 200);
  return verificationId;
}
