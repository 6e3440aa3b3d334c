'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { initialFormState } from '@/app/_experience/form-state';
import { FormAlert } from '@/app/_experience/components/form-alert';
import { NewPasswordField, type PasswordRules } from '@/app/_experience/components/new-password-field';
import { useProblemText } from '@/app/_experience/components/problem-text';
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
