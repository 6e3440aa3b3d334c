'use client';

import { useActionState, useEffect } from 'react';
import { useTranslations } from 'next-intl';
import { Alert } from '@/app/_components/ui/alert';
import { PasswordField } from '@/app/_components/ui/password-field';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { TextField } from '@/app/_components/ui/text-field';
import { signInAction, type SignInFormState } from '../sign-in/actions';

/**
 * The identifier + password form. A plain form post to the server action without
 * JavaScript; with it, `useActionState` keeps the page and shows progress. Errors come back
 * as codes: next to their field, or in an alert at the top when they concern the whole form.
 */
export function SignInForm({ defaultIdentifier }: { defaultIdentifier: string }) {
  const t = useTranslations('SignIn');
  const errors = useTranslations('Errors');
  const [state, formAction] = useActionState<SignInFormState, FormData>(signInAction, { identifier: defaultIdentifier });

  const identifierError = state.fieldErrors?.identifier;
  const passwordError = state.fieldErrors?.password;
  const focusIdentifier = Boolean(identifierError) || (!state.identifier && !passwordError);
  const message = (code: string, values?: Record<string, number>) => (errors.has(code) ? errors(code, values) : errors('unexpected'));

  // After each answer, put the cursor where the person has to act next.
  useEffect(() => {
    document.getElementById(focusIdentifier ? 'field-identifier' : 'field-password')?.focus();
  }, [state, focusIdentifier]);

  return (
    <form action={formAction} noValidate className="space-y-5">
      {state.formError ? <Alert tone="error">{message(state.formError.code, state.formError.values)}</Alert> : null}
      <TextField
        name="identifier"
        label={t('identifierLabel')}
        error={identifierError && message(identifierError)}
        autoComplete="username"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        required
        autoFocus={focusIdentifier}
        defaultValue={state.identifier}
      />
      <PasswordField
        name="password"
        label={t('passwordLabel')}
        error={passwordError && message(passwordError)}
        autoComplete="current-password"
        required
        autoFocus={!focusIdentifier}
      />
      <SubmitButton variant="primary" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
