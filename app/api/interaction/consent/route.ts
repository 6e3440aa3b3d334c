import { z } from 'zod';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/errors';
import { handleRoute, noStore, readJson } from '@/lib/http/handle-route';
import { assertSameOriginJson } from '@/lib/http/same-origin';
import { loadConsentContext, submitConsent } from '@/lib/oidc/consent';
import { findInteractionForRequest } from '@/lib/oidc/interaction';
import { loadSession } from '@/lib/oidc/sessions';

async function load(request: Request) {
  const db = await getDb();
  const interaction = await findInteractionForRequest(db, request);
  if (!interaction) throw new AppError('session.interaction_not_found', 404, 'No authorization is in progress in this browser.');
  return { db, interaction, session: await loadSession(db, request) };
}

/** GET /api/interaction/consent: what the consent screen shows (Logto's consent API, for custom UIs). */
export const GET = handleRoute(async (request) => {
  const { db, interaction, session } = await load(request);
  return Response.json(await loadConsentContext(db, interaction, session), { headers: noStore });
});

const body = z.object({ decision: z.enum(['allow', 'deny']).default('allow'), organizationIds: z.array(z.string()).optional() });

/** POST /api/interaction/consent → { redirectTo }: the browser goes there to finish the authorization. */
export const POST = handleRoute(async (request) => {
  assertSameOriginJson(request);
  const { decision } = await readJson(request, body);
  const { db, interaction, session } = await load(request);
  return Response.json(await submitConsent(db, interaction, session, decision), { headers: noStore });
});
