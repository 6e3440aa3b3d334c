import { after } from 'next/server';
import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { sendVerificationCode, sendVerificationCodeInputSchema } from '@/lib/experience/verifications/verification-code';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';
import { signInExperienceOf } from '@/lib/experience/policy';
import { experienceLocale } from '@/lib/i18n/experience-locale';

/**
 * `{ identifier: { type: email|phone, value }, interactionEvent }` → `{ verificationId }`.
 * The message is in the sign-in experience's language (the app's `ui_locales`, the browser's, or
 * the operator's fallback); 429 `request.message_rate_limited`, 501 no connector.
 */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const input = await readJson(request, sendVerificationCodeInputSchema);
  const experience = await loadExperienceForRequest(await getDb(), request);
  const locale = experienceLocale(experience.interaction.params, request, (await signInExperienceOf(experience)).languageInfo);
  const { verificationId, deliverAfterResponse } = await sendVerificationCode(experience, input, locale);
  // A password-reset code goes out after the answer, so its timing says nothing about the account.
  if (deliverAfterResponse) after(deliverAfterResponse);
  return Response.json({ verificationId }, { headers: noStore });
});
