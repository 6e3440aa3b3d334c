import { startInteractionEvent } from '@/lib/experience/interaction';
import { readIdentifierText } from '@/lib/experience/screen';
import { attempt, currentExperience, text } from '@/app/_experience/server/action-support';
import { requestScope } from '@/app/_experience/server/scope';
import { sendCodeAndGo } from '@/app/_experience/server/code-support';
import type { FormState } from '@/app/_experience/form-state';
import type { PageScreen } from '@/app/_experience/server/page-support';

/**
 * Sends a reset code to the address typed. The answer is the same whether or not an account
 * uses it (the engine only delivers when one does, after the response), so this page never
 * tells who has an account.
 */
export async function requestResetCode(screen: PageScreen, formData: FormData): Promise<FormState> {
  const values = { identifier: text(formData, 'identifier').trim() };
  if (screen.forgotPassword.length === 0) return { values, formError: { code: 'session.forgot_password_not_enabled' } };
  const reading = readIdentifierText(values.identifier, screen.forgotPassword, requestScope().locale);
  if ('problem' in reading) return { values, fieldErrors: { identifier: { code: reading.problem } } };
  const identifier = reading.identifier;
  if (identifier.type === 'username') return { values, fieldErrors: { identifier: { code: 'form.identifier_invalid' } } };
  const channel = identifier.type;
  return attempt(values, () => undefined, async () => {
    const experience = await currentExperience();
    await startInteractionEvent(experience, 'ForgotPassword');
    await sendCodeAndGo(experience, { type: channel, value: identifier.value }, 'ForgotPassword', '/forgot-password/code');
  });
}

/**
 * What the reset form starts with: the address the person was signing in with (posted by
 * "Forgot password?") or the app's `login_hint`, when it is an email or phone number a reset
 * code may go to; a username or another channel's address leaves the field empty.
 */
export function resetAddressFrom(typed: string | undefined, channels: PageScreen['forgotPassword']): string {
  if (!typed) return '';
  const reading = readIdentifierText(typed, channels, requestScope().locale);
  return 'identifier' in reading && reading.identifier.type !== 'username' ? typed.trim() : '';
}
