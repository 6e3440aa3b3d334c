import { getDb } from '@/db/client';
import { addProfile } from '@/lib/experience/profile';
import { checkProfileValues } from '@/lib/sign-in-exp/profile-fields';
import { getProfileFields } from '@/lib/sign-in-exp/profile-fields-store';
import { readIdentifierText } from '@/lib/experience/screen';
import { attempt, currentExperience, isIdentifierProblem, text } from '@/app/_experience/server/action-support';
import { requestScope } from '@/app/_experience/server/scope';
import { sendCodeAndGo } from '@/app/_experience/server/code-support';
import { continueAfterProfile } from '@/app/_experience/server/finish';
import type { FormState } from '@/app/_experience/form-state';
import { addressTypes, firstMissing, profileInputName } from './fields';

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
  if (field === 'extraProfile') return answerProfileFields(formData);
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

/**
 * "Tell us about yourself": the answers are checked here first, so each refusal sits under its
 * own field (the engine checks them again, with the same rules, before it keeps them).
 */
async function answerProfileFields(formData: FormData): Promise<FormState> {
  const fields = await getProfileFields(await getDb());
  const typed = Object.fromEntries(fields.map((field) => [field.name, text(formData, profileInputName(field.name))]));
  const values = Object.fromEntries(Object.entries(typed).map(([name, value]) => [profileInputName(name), value]));
  const { problems } = checkProfileValues(fields, typed);
  if (Object.keys(problems).length > 0) {
    return { values, fieldErrors: Object.fromEntries(Object.entries(problems).map(([name, problem]) => [profileInputName(name), problem])) };
  }
  return attempt(values, () => undefined, async () => {
    const experience = await currentExperience();
    await addProfile(experience, { type: 'extraProfile', values: typed });
    await continueAfterProfile(experience);
  });
}
