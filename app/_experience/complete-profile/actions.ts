import { addProfile } from '@/lib/experience/profile';
import { readIdentifierText } from '@/lib/experience/screen';
import { attempt, currentExperience, isIdentifierProblem, text } from '@/app/_experience/server/action-support';
import { requestScope } from '@/app/_experience/server/scope';
import { sendCodeAndGo } from '@/app/_experience/server/code-support';
import { continueAfterProfile } from '@/app/_experience/server/finish';
import type { FormState } from '@/app/_experience/form-state';
import { addressTypes, firstMissing } from './fields';

/**
 * Adds the missing piece the form asked for (`field`): a username or a password at once, an
 * email or phone after a code proves it. The engine checks it (policy, availability) and
 * answers with the next missing piece, if any.
 */
export async function completeProfileAction(formData: FormData): Promise<FormState> {
  const field = firstMissing(text(formData, 'field'));
  const value = text(formData, 'value').trim();
  if (!field) return { values: {}, formError: { code: 'session.verification_failed' } };
  if (field === 'password') {
    const password = formData.get('password');
    if (typeof password !== 'string' || !password) return { values: {}, fieldErrors: { password: { code: 'form.password_required' } } };
    return attempt({}, (code) => (code.startsWith('password') ? 'password' : undefined), async () => {
      const experience = await currentExperience();
      await addProfile(experience, { type: 'password', value: password });
      await continueAfterProfile(experience);
    });
  }
  const values = { value };
  if (!value) return { values, fieldErrors: { value: { code: field === 'username' ? 'form.username_required' : 'form.identifier_required' } } };
  if (field === 'username') {
    if (!/^[A-Z_a-z]\w*$/.test(value)) return { values, fieldErrors: { value: { code: 'form.username_invalid' } } };
    return attempt(values, (code) => (code.startsWith('user.') ? 'value' : undefined), async () => {
      const experience = await currentExperience();
      await addProfile(experience, { type: 'username', value });
      await continueAfterProfile(experience);
    });
  }
  const reading = readIdentifierText(value, addressTypes(field), requestScope().locale);
  if ('problem' in reading) return { values, fieldErrors: { value: { code: reading.problem } } };
  const identifier = reading.identifier;
  if (identifier.type === 'username') return { values, fieldErrors: { value: { code: 'form.identifier_invalid' } } };
  const channel = identifier.type;
  return attempt(values, (code) => (isIdentifierProblem(code) ? 'value' : undefined), async () => {
    const experience = await currentExperience();
    await sendCodeAndGo(experience, { type: channel, value: identifier.value }, experience.state.interactionEvent ?? 'Register', '/complete-profile/code');
  });
}
