'use server';

import { switchInteractionEvent } from '@/lib/experience/interaction';
import { attempt, currentExperience } from '../../_lib/action-support';
import { requireCodeRecord } from '../../_lib/code-support';
import { finishRegistration } from '../../_lib/finish';
import type { FormState } from '../../_lib/form-state';

/**
 * "Create an account" with the address a sign-in code just proved: the interaction becomes a
 * registration keeping that proof (PUT /interaction-event), so no second code is needed.
 */
export async function registerWithProvenAddress(_previous: FormState, formData: FormData): Promise<FormState> {
  return attempt({}, () => undefined, async () => {
    const experience = await currentExperience();
    const record = requireCodeRecord(experience, formData);
    await switchInteractionEvent(experience, 'Register');
    await finishRegistration(experience, record.id);
  });
}
