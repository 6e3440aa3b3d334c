import { after } from 'next/server';
import { getDb } from '@/db/client';
import { loadExperienceForRequest } from '@/lib/experience/interaction';
import { submitInteraction } from '@/lib/experience/submit';
import { handleRoute, noStore } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';

/**
 * No body → 200 `{ redirectTo }`: the browser goes there to resume the authorization.
 * ForgotPassword answers 204: the password is reset and every session of the account ended.
 */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  // Submit checks the identified account: it is read with the interaction, in one statement.
  const experience = await loadExperienceForRequest(await getDb(), request, { withIdentifiedUser: true });
  const { redirectTo, afterResponse } = await submitInteraction(experience);
  // Webhooks, and after a reset the back-channel logout of the ended sessions, without holding the response.
  if (afterResponse) after(afterResponse);
  if (!redirectTo) return new Response(null, { status: 204, headers: noStore });
  return Response.json({ redirectTo }, { headers: noStore });
});
