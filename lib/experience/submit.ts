import { updateUserLastSignIn } from '@/db/queries/users';
import { assertThat } from '@/lib/errors';
import { completeLogin } from '@/lib/oidc/interaction';
import { findActiveUser } from './active-user';
import { INTERACTION_NOT_FOUND } from './interaction';
import type { Experience } from './state';
import { authenticationMethodsOf, userIdProvedBy } from './verifications';

/**
 * `POST /api/experience/submit` (200 `{ redirectTo }`): hands the identified user to the
 * authorization endpoint, which resumes at `redirectTo`. Logto runs MFA, profile and
 * binding checks here; they join as issue 4 and the MFA work add them.
 */
export async function submitInteraction(experience: Experience): Promise<{ redirectTo: string }> {
  const { db, interaction, state } = experience;
  assertThat(state.interactionEvent, INTERACTION_NOT_FOUND, 404, 'Start with PUT /api/experience and an interactionEvent.');
  assertThat(state.identifiedUserId, 'session.identifier_not_found', 404, 'Identify the user first (POST /api/experience/identification).');
  const user = await findActiveUser(db, state.identifiedUserId);

  const proofs = state.verificationRecords.filter((record) => userIdProvedBy(record) === user.id);
  const amr = [...new Set(proofs.flatMap(authenticationMethodsOf))];
  await updateUserLastSignIn(db, user.id);
  return completeLogin(db, interaction, { userId: user.id, amr });
}
