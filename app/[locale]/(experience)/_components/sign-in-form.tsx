'use client';

import { useActionState, useEffect, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { signInAction, type SignInFormState } from '../sign-in/actions';
import { inputClassName } from './field-styles';
import { errorProps, FormField } from './form-field';
import { PasswordInput } from './password-input';

/**
 * The identifier + password form. A plain form post to the server action without
 * JavaScript; with it, `useActionState` keeps the page and shows progress. Errors come back
 * as codes: next to their field, or in an alert at the top when they concern the whole form.
 */
export function SignInForm({ defaultIdentifier }: { defaultIdentifier: string }) {
  const t = useTranslations('SignIn');
  const errors = useTranslations('Errors');
  const [state, formAction, pending] = useActionState<SignInFormState, FormData>(signInAction, { identifier: defaultIdentifier });
  const identifierRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const identifierError = state.fieldErrors?.identifier;
  const passwordError = state.fieldErrors?.password;
  const focusIdentifier = Boolean(identifierError) || (!state.identifier && !passwordError);
  const message = (code: string, values?: Record<string, number>) => (errors.has(code) ? errors(code, values) : errors('unexpected'));

  // After each answer, put the cursor where the person has to act next.
  useEffect(() => {
    (focusIdentifier ? identifierRef : passwordRef).current?.focus();
  }, [state, focusIdentifier]);

  return (
    <form action={formAction} noValidate className="mt-8 space-y-5">
      {state.formError && (
        <div role="alert" className="rounded-lg border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200">
          {message(state.formError.code, state.formError.values)}
        </div>
      )}

      <FormField id="identifier" label={t('identifierLabel')} error={identifierError && message(identifierError)}>
        <input
          ref={identifierRef}
          id="identifier"
          name="identifier"
          type="text"
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          autoFocus={focusIdentifier}
          defaultValue={state.identifier}
          {...errorProps('identifier', identifierError)}
          className={inputClassName}
        />
      </FormField>

      <FormField id="password" label={t('passwordLabel')} error={passwordError && message(passwordError)}>
        <PasswordInput
          ref={passwordRef}
          id="password"
          name="password"
          autoComplete="current-password"
          required
          autoFocus={!focusIdentifier}
          {...errorProps('password', passwordError)}
          showLabel={t('showPassword')}
          hideLabel={t('hidePassword')}
        />
      </FormField>

      <button
        type="submit"
        disabled={pending}
        className="flex w-full items-center justify-center gap-2 rounded-lg bg-brand px-4 py-2.5 text-base font-medium text-brand-contrast shadow-xs transition-colors hover:bg-brand/90 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand disabled:cursor-progress disabled:opacity-85"
      >
        {pending && (
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" className="size-4 animate-spin">
            <circle cx="12" cy="12" r="9" stroke="currentColor" strokeOpacity="0.3" strokeWidth="3" />
            <path d="M21 12a9 9 0 0 0-9-9" stroke="currentColor" strokeWidth="3" strokeLinecap="round" />
          </svg>
        )}
        {pending ? t('submitting') : t('submit')}
      </button>
    </form>
  );
}
