'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { initialFormState } from '@/app/_experience/form-state';
import { FormAlert } from '@/app/_experience/components/form-alert';
import { continueWithMagicLink } from '../actions';

export function ContinueForm({ email }: { email: string }) {
  const t = useTranslations('MagicLink');
  const [state, action] = useActionState(continueWithMagicLink, initialFormState());
  return (
    <form action={action} className="space-y-5">
      <FormAlert problem={state.formError} />
      <SubmitButton variant="primary" pendingLabel={t('continuing')}>
        {t('continueAs', { email })}
      </SubmitButton>
    </form>
  );
}
