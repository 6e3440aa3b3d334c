'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { TextField } from '@/app/_components/ui/text-field';
import { initialFormState } from '@/app/_experience/form-state';
import { FormAlert } from '@/app/_experience/components/form-alert';
import { IdentifierField } from '@/app/_experience/components/identifier-field';
import { NewPasswordField, type PasswordRules } from '@/app/_experience/components/new-password-field';
import { useProblemText } from '@/app/_experience/components/problem-text';
import { completeProfileAction } from '../actions';
import { addressTypes, type ProfileField } from '../fields';

/** One missing piece of the account: a username, a password, or an address to prove with a code. */
export function ProfileForm({ field, rules }: { field: ProfileField; rules: PasswordRules }) {
  const t = useTranslations('CompleteProfile');
  const problemText = useProblemText();
  const [state, action] = useActionState(completeProfileAction, initialFormState());
  const { fieldErrors = {} } = state;
  return (
    <form action={action} noValidate className="space-y-5">
      <FormAlert problem={state.formError} />
      <input type="hidden" name="field" value={field} />
      {field === 'password' ? (
        <NewPasswordField rules={rules} autoFocus error={problemText(fieldErrors.password)} />
      ) : field === 'username' ? (
        <TextField
          name="value"
          label={t('usernameTitle')}
          autoComplete="username"
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          required
          autoFocus
          hint={t('usernameHint')}
          defaultValue={state.values.value}
          error={problemText(fieldErrors.value)}
        />
      ) : (
        <IdentifierField isNew name="value" types={addressTypes(field)} defaultValue={state.values.value} error={fieldErrors.value} autoFocus />
      )}
      <SubmitButton variant="primary" pendingLabel={t('saving')}>
        {t('save')}
      </SubmitButton>
    </form>
  );
}
