import { z } from 'zod';
import { generateId } from '@/lib/security/ids';
import { redeemOneTimeToken } from '@/lib/one-time-tokens/verify';
import { addVerificationRecord, type Experience } from '../state';
import { VerificationType } from '../types';

const emailIdentifierSchema = z.object({ type: z.literal('email'), value: z.string().trim().min(3).max(256) });

/** Logto's OneTimeToken record: a redeemed magic link proves the email it was issued for. */
export const oneTimeTokenRecordSchema = z.object({
  id: z.string(),
  type: z.literal(VerificationType.OneTimeToken),
  identifier: emailIdentifierSchema,
  verified: z.literal(true),
  /** The token's context, kept for just-in-time organization provisioning at submit. */
  context: z.object({ jitOrganizationIds: z.array(z.string()).optional() }),
});
export type OneTimeTokenRecord = z.infer<typeof oneTimeTokenRecordSchema>;

export const oneTimeTokenInputSchema = z.object({ identifier: emailIdentifierSchema, token: z.string().min(1).max(512) });
export type OneTimeTokenInput = z.infer<typeof oneTimeTokenInputSchema>;

/**
 * `POST /api/experience/verification/one-time-token/verify` → `{ verificationId }`. The token is
 * consumed here (single use); Logto's `one_time_token.*` errors come from the redemption.
 * The record may sign in the owner of the email, or register it even where only sign-in is enabled.
 */
export async function verifyOneTimeTokenIdentity(experience: Experience, input: OneTimeTokenInput): Promise<{ verificationId: string }> {
  const token = await redeemOneTimeToken(experience.db, { token: input.token, email: input.identifier.value });
  const jitOrganizationIds = token.context.jitOrganizationIds;
  const record: OneTimeTokenRecord = {
    id: generateId(),
    type: VerificationType.OneTimeToken,
    identifier: { type: 'email', value: input.identifier.value.trim() },
    verified: true,
    context: jitOrganizationIds ? { jitOrganizationIds } : {},
  };
  await addVerificationRecord(experience, record);
  return { verificationId: record.id };
}
