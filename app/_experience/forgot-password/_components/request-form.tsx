'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import type { CodeChannel } from '@/lib/experience/screen';
import { initialFormState } from '@/app/_experience/form-state';
import { FormAlert } from '@/app/_experience/components/form-alert';
import { IdentifierField } from '@/app/_experience/components/identifier-field';
import { requestResetCode } from '../actions';

/** The address to send a reset code to. */
export function RequestForm({ channels, defaultValue }: { channels: CodeChannel[]; defaultValue?: string }) {
  const t = useTranslations('ForgotPassword');
  const [state, action] = useActionState(requestResetCode, initialFormState({ identifier: defaultValue ?? '' }));
  return (
    <form action={action} noValidate className="space-y-5">
      <FormAlert problem={state.formError} />
      <IdentifierField types={channels} defaultValue={state.values.identifier} error={state.fieldErrors?.identifier} autoFocus />
      <SubmitButton variant="primary" pendingLabel={t('submitting')}>
        {t('submit')}
      </SubmitButton>
    </form>
  );
}
