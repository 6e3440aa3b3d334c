'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { initialFormState } from '../../../_lib/form-state';
import { FormAlert } from '../../../_components/form-alert';
import { NewPasswordField, type PasswordRules } from '../../../_components/new-password-field';
import { useProblemText } from '../../../_components/problem-text';
import { saveNewPassword } from '../actions';

export function NewPasswordForm({ rules }: { rules: PasswordRules }) {
  const t = useTranslations('ForgotPassword');
  const problemText = useProblemText();
  const [state, action] = useActionState(saveNewPassword, initialFormState());
  return (
    <form action={action} noValidate className="space-y-5">
      <FormAlert problem={state.formError} />
      <NewPasswordField rules={rules} autoFocus error={problemText(state.fieldErrors?.password)} />
      <SubmitButton variant="primary" pendingLabel={t('saving')}>
        {t('save')}
      </SubmitButton>
    </form>
  );
}
