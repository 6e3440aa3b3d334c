import { startInteractionEvent } from '@/lib/experience/interaction';
import { readIdentifierText } from '@/lib/experience/screen';
import { createNewPasswordIdentity } from '@/lib/experience/verifications/new-password-identity';
import { attempt, currentExperience, isIdentifierProblem, text } from '@/app/_experience/server/action-support';
import { requestScope } from '@/app/_experience/server/scope';
import { sendCodeAndGo } from '@/app/_experience/server/code-support';
import { finishRegistration } from '@/app/_experience/server/finish';
import type { FormState, Problem } from '@/app/_experience/form-state';
import type { PageScreen } from '@/app/_experience/server/page-support';
import { agreedToTerms } from '@/app/_experience/components/terms-agreement';

/** The registration form's step: the identifier, then (for a username) the new password. */
export type RegisterState = FormState & { step: 'identifier' | 'password' };

const passwordField = (code: string) => (code.startsWith('password') ? 'password' : undefined);

/**
 * Registration by the identifier the sign-up settings allow. An email or a phone is proven
 * first with a code (the code page goes on); a username chooses its password here. What the
 * settings still ask for afterwards (`user.missing_profile`) is asked on /complete-profile.
 */
export async function registerAction(screen: PageScreen, previous: RegisterState, formData: FormData): Promise<RegisterState> {
  if (!screen.register) return { ...previous, formError: { code: 'session.interaction_not_found' } };
  const register = screen.register;
  const intent = text(formData, 'intent');
  const agreed = agreedToTerms(register.terms, formData);
  const values: Record<string, string> = { identifier: text(formData, 'identifier').trim(), ...(agreed && register.terms === 'checkbox' ? { agreeToTerms: 'on' } : {}) };
  if (intent === 'change') return { step: 'identifier', values };

  const fieldErrors: Record<string, Problem> = {};
  const reading = readIdentifierText(values.identifier!, register.identifiers, requestScope().locale);
  if ('problem' in reading) fieldErrors.identifier = { code: reading.problem };
  else if (reading.identifier.type === 'username' && !/^[A-Z_a-z]\w*$/.test(reading.identifier.value)) fieldErrors.identifier = { code: 'form.username_invalid' };
  if (!agreed) fieldErrors.agreeToTerms = { code: 'form.terms_required' };
  if ('problem' in reading || Object.keys(fieldErrors).length > 0) return { step: 'identifier', values, fieldErrors };
  const identifier = reading.identifier;

  if (identifier.type !== 'username') {
    const channel = identifier.type;
    const failed = await attempt(values, (code) => (isIdentifierProblem(code) ? 'identifier' : undefined), async () => {
      const experience = await currentExperience();
      await startInteractionEvent(experience, 'Register');
      await sendCodeAndGo(experience, { type: channel, value: identifier.value }, 'Register', '/register/code');
    });
    return { step: 'identifier', ...failed };
  }
  if (intent === 'identifier') return { step: 'password', values };

  const password = formData.get('password');
  if (typeof password !== 'string' || password.length === 0) return { step: 'password', values, fieldErrors: { password: { code: 'form.password_required' } } };
  const failed = await attempt(values, passwordField, async () => {
    const experience = await currentExperience();
    await startInteractionEvent(experience, 'Register');
    const { verificationId } = await createNewPasswordIdentity(experience, { identifier: { type: 'username', value: identifier.value }, password });
    await finishRegistration(experience, verificationId);
  });
  return { step: 'password', ...failed };
}
