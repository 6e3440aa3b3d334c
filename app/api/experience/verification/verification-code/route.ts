import { after } from 'next/server';
import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { sendVerificationCode, sendVerificationCodeInputSchema } from '@/lib/experience/verifications/verification-code';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';
import { defaultLocale, pickLocale } from '@/lib/i18n/pick-locale';

/**
 * `{ identifier: { type: email|phone, value }, interactionEvent }` → `{ verificationId }`.
 * The message is written in the browser's language; 429 `request.message_rate_limited`, 501 no connector.
 */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const input = await readJson(request, sendVerificationCodeInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const locale = pickLocale(request.headers.get('accept-language')) ?? defaultLocale;
  const { verificationId, deliverAfterResponse } = await sendVerificationCode(experience, input, locale);
  // A password-reset code goes out after the answer, so its timing says nothing about the account.
  if (deliverAfterResponse) after(deliverAfterResponse);
  return Response.json({ verificationId }, { headers: noStore });
});
