'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { Button } from '@/app/_components/ui/button';
import { PasswordField } from '@/app/_components/ui/password-field';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import type { Legal, SignInScreen } from '@/lib/experience/screen';
import { Link } from '@/lib/i18n/navigation';
import { ChosenIdentifier } from '../../_components/chosen-identifier';
import { FormAlert } from '../../_components/form-alert';
import { HiddenFields } from '../../_components/hidden-fields';
import { IdentifierField } from '../../_components/identifier-field';
import { useProblemText } from '../../_components/problem-text';
import { linkClassName } from '../../_components/secondary-links';
import { TermsAgreement } from '../../_components/terms-agreement';
import { useFocusAfterAnswer } from '../../_components/use-focus-after-answer';
import { signInAction, type SignInState } from '../actions';

/**
 * The sign-in form. Identifier-first (DESIGN.md): the identifier, then the password with the
 * chosen identifier shown and "Change"; or both on one form when a password is the only way.
 * A code-first identifier leaves for the code page. Plain form posts without JavaScript.
 */
export function SignInFlow({ screen, legal, loginHint }: { screen: SignInScreen; legal: Legal; loginHint?: string }) {
  const t = useTranslations('SignIn');
  const experience = useTranslations('Experience');
  const problemText = useProblemText();
  const [state, action] = useActionState<SignInState, FormData>(signInAction, {
    step: screen.identifierFirst ? 'identifier' : 'password',
    values: { identifier: loginHint ?? '' },
  });
  const focusRoot = useFocusAfterAnswer(state);
  const { values, fieldErrors = {} } = state;
  const terms = <TermsAgreement mode={screen.terms} legal={legal} error={problemText(fieldErrors.agreeToTerms)} />;

  if (state.step === 'identifier') {
    return (
      <form ref={focusRoot} action={action} noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <input type="hidden" name="intent" value="identifier" />
        <IdentifierField types={screen.identifiers} defaultValue={values.identifier} error={fieldErrors.identifier} autoFocus />
        {terms}
        <SubmitButton variant="primary" pendingLabel={experience('continuing')}>
          {experience('continue')}
        </SubmitButton>
      </form>
    );
  }

  const forgot = screen.forgotPassword ? (
    <Link href="/forgot-password" className={linkClassName}>
      {t('forgotPassword')}
    </Link>
  ) : undefined;
  const passwordError = problemText(fieldErrors.password);
  const carried = { identifier: values.identifier ?? '', ...(values.agreeToTerms ? { agreeToTerms: 'on' } : {}) };

  if (!screen.identifierFirst) {
    return (
      <form ref={focusRoot} action={action} noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <input type="hidden" name="intent" value="password" />
        <IdentifierField types={screen.identifiers} defaultValue={values.identifier} error={fieldErrors.identifier} autoFocus={!values.identifier} />
        <PasswordField name="password" label={t('passwordLabel')} autoComplete="current-password" required autoFocus={Boolean(values.identifier)} labelAside={forgot} error={passwordError} />
        {terms}
        <SubmitButton variant="primary" pendingLabel={t('submitting')}>
          {t('submit')}
        </SubmitButton>
      </form>
    );
  }

  const typed = values.identifier ?? '';
  const method = screen.methods[values.identifierType as keyof SignInScreen['methods']];
  return (
    <div ref={focusRoot} className="space-y-5">
      <ChosenIdentifier label={experience('signedInAs')} identifier={typed} carried={carried} action={action} />
      <form action={action} noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <HiddenFields values={carried} />
        <input type="hidden" name="intent" value="password" />
        {/* For password managers: the account this password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={typed} readOnly hidden />
        <PasswordField name="password" label={t('passwordLabel')} autoComplete="current-password" required autoFocus labelAside={forgot} error={passwordError} />
        <SubmitButton variant="primary" pendingLabel={t('submitting')}>
          {t('submit')}
        </SubmitButton>
      </form>
      {method?.code ? (
        <form action={action} className="text-center">
          <HiddenFields values={carried} />
          <Button type="submit" name="intent" value="code" variant="link" className="text-sm">
            {t('useCode')}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
