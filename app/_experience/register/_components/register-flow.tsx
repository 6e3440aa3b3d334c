'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import type { Legal, RegisterScreen } from '@/lib/experience/screen';
import { ChosenIdentifier } from '@/app/_experience/components/chosen-identifier';
import { FormAlert } from '@/app/_experience/components/form-alert';
import { HiddenFields } from '@/app/_experience/components/hidden-fields';
import { IdentifierField } from '@/app/_experience/components/identifier-field';
import { NewPasswordField, type PasswordRules } from '@/app/_experience/components/new-password-field';
import { useProblemText } from '@/app/_experience/components/problem-text';
import { TermsAgreement } from '@/app/_experience/components/terms-agreement';
import { useFocusAfterAnswer } from '../../_components/use-focus-after-answer';
import { registerAction, type RegisterState } from '../actions';

/** The registration form: the identifier (and the terms), then a password for a username. */
export function RegisterFlow({ screen, legal, rules, loginHint }: { screen: RegisterScreen; legal: Legal; rules: PasswordRules; loginHint?: string }) {
  const t = useTranslations('Register');
  const experience = useTranslations('Experience');
  const problemText = useProblemText();
  const [state, action] = useActionState<RegisterState, FormData>(registerAction, { step: 'identifier', values: { identifier: loginHint ?? '' } });
  const focusRoot = useFocusAfterAnswer(state);
  const { values, fieldErrors = {} } = state;

  if (state.step === 'identifier') {
    return (
      <form ref={focusRoot} action={action} noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <input type="hidden" name="intent" value="identifier" />
        <IdentifierField isNew types={screen.identifiers} defaultValue={values.identifier} error={fieldErrors.identifier} autoFocus />
        <TermsAgreement mode={screen.terms} legal={legal} error={problemText(fieldErrors.agreeToTerms)} />
        <SubmitButton variant="primary" pendingLabel={experience('continuing')}>
          {t('sendCode')}
        </SubmitButton>
      </form>
    );
  }

  const carried = { identifier: values.identifier ?? '', ...(values.agreeToTerms ? { agreeToTerms: 'on' } : {}) };
  return (
    <div ref={focusRoot} className="space-y-5">
      <ChosenIdentifier label={experience('identifier.username')} identifier={values.identifier ?? ''} carried={carried} action={action} />
      <form action={action} noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <HiddenFields values={carried} />
        <input type="hidden" name="intent" value="password" />
        <input type="text" name="username" autoComplete="username" value={values.identifier} readOnly hidden />
        <NewPasswordField rules={rules} autoFocus error={problemText(fieldErrors.password)} />
        <SubmitButton variant="primary" pendingLabel={t('submitting')}>
          {t('submit')}
        </SubmitButton>
      </form>
    </div>
  );
}
