'use server';

import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { submitConsent } from '@/lib/oidc/consent';
import { findInteraction, interactionCookieName } from '@/lib/oidc/interaction';
import { loadSessionByCookieValue, sessionCookieName } from '@/lib/oidc/sessions';

/** Allow or Deny on the consent page; the same lib function serves POST /api/interaction/consent. */
export async function decideConsent(formData: FormData): Promise<void> {
  const decision = formData.get('decision') === 'allow' ? 'allow' : 'deny';
  const jar = await cookies();
  const db = await getDb();
  const interaction = await findInteraction(db, jar.get(interactionCookieName())?.value);
  if (!interaction) redirect('/error?code=session.interaction_not_found');
  const session = await loadSessionByCookieValue(db, jar.get(sessionCookieName())?.value);
  const { redirectTo } = await submitConsent(db, interaction, session, decision);
  redirect(redirectTo);
}
