import { switchInteractionEvent } from '@/lib/experience/interaction';
import { attempt, currentExperience } from '@/app/_experience/server/action-support';
import { requireCodeRecord } from '@/app/_experience/server/code-support';
import { finishRegistration } from '@/app/_experience/server/finish';
import type { FormState } from '@/app/_experience/form-state';

/**
 * "Create an account" with the address a sign-in code just proved: the interaction becomes a
 * registration keeping that proof (PUT /interaction-event), so no second code is needed.
 */
export async function registerWithProvenAddress(formData: FormData): Promise<FormState> {
  return attempt({}, () => undefined, async () => {
    const experience = await currentExperience();
    const record = requireCodeRecord(experience, formData);
    await switchInteractionEvent(experience, 'Register');
    await finishRegistration(experience, record.id);
  });
}
