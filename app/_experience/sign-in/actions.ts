import { identifyUser } from '@/lib/experience/identify';
import { startInteractionEvent } from '@/lib/experience/interaction';
import { readIdentifierText } from '@/lib/experience/screen';
import { verifyPasswordIdentity } from '@/lib/experience/verifications/password';
import type { InteractionIdentifier } from '@/lib/experience/identifier';
import { attempt, currentExperience, text } from '@/app/_experience/server/action-support';
import { requestScope } from '@/app/_experience/server/scope';
import { sendCodeAndGo } from '@/app/_experience/server/code-support';
import { finishSignIn } from '@/app/_experience/server/finish';
import type { FormState, Problem } from '@/app/_experience/form-state';
import type { PageScreen } from '@/app/_experience/server/page-support';
import { agreedToTerms } from '@/app/_experience/components/terms-agreement';

/** Which step the sign-in form shows: the identifier alone, or (after it) the password. */
export type SignInState = FormState & { step: 'identifier' | 'password' };

/**
 * The sign-in form's one action, told what to do by the button pressed (`intent`):
 * `identifier` (Continue), `password` (Sign in), `code` (Sign in with a code instead) and
 * `change` (back to the identifier). The identifier travels in the form between steps;
 * the password is never sent back. Works as a plain form post without JavaScript.
 */
export async function signInAction(screen: PageScreen, previous: SignInState, formData: FormData): Promise<SignInState> {
  if (!screen.signIn) return { ...previous, formError: { code: 'session.interaction_not_found' } };
  const signIn = screen.signIn;
  const intent = text(formData, 'intent');
  const agreed = agreedToTerms(signIn.terms, formData);
  const values: Record<string, string> = { identifier: text(formData, 'identifier').trim(), ...(agreed && signIn.terms === 'checkbox' ? { agreeToTerms: 'on' } : {}) };
  if (intent === 'change') return { step: 'identifier', values };

  const firstStep = signIn.identifierFirst ? 'identifier' : 'password';
  const fieldErrors: Record<string, Problem> = {};
  const reading = readIdentifierText(values.identifier!, signIn.identifiers, requestScope().locale);
  if ('problem' in reading) fieldErrors.identifier = { code: reading.problem };
  if (!agreed) fieldErrors.agreeToTerms = { code: 'form.terms_required' };
  if ('problem' in reading || Object.keys(fieldErrors).length > 0) return { step: firstStep, values, fieldErrors };
  const identifier = reading.identifier;

  const method = signIn.methods[identifier.type];
  // The password step offers "Sign in with a code instead" when this type may use one.
  values.identifierType = identifier.type;
  if (!method) return { step: firstStep, values, fieldErrors: { identifier: { code: 'form.identifier_invalid' } } };
  const usesCode = intent === 'code' || (intent === 'identifier' && method.primary === 'code');
  if (usesCode && method.code && identifier.type !== 'username') {
    const channel = identifier.type;
    const failed = await attempt(values, () => undefined, async () => {
      const experience = await currentExperience();
      await startInteractionEvent(experience, 'SignIn');
      await sendCodeAndGo(experience, { type: channel, value: identifier.value }, 'SignIn', '/sign-in/code');
    });
    return { step: intent === 'code' ? 'password' : firstStep, ...failed };
  }
  if (intent === 'identifier' || !method.password) return { step: 'password', values };

  const password = formData.get('password');
  if (typeof password !== 'string' || password.length === 0) {
    return { step: 'password', values, fieldErrors: { password: { code: 'form.password_required' } } };
  }
  if (password.length > 1024) return { step: 'password', values, fieldErrors: { password: { code: 'form.too_long' } } };
  const failed = await attempt(values, () => undefined, () => signInWithPassword(identifier, password));
  return { step: 'password', ...failed };
}

async function signInWithPassword(identifier: InteractionIdentifier, password: string): Promise<void> {
  const experience = await currentExperience();
  await startInteractionEvent(experience, 'SignIn');
  const { verificationId } = await verifyPasswordIdentity(experience, { identifier, password });
  await identifyUser(experience, verificationId);
  await finishSignIn(experience);
}
