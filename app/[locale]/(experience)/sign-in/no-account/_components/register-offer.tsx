'use client';

import { useTranslations } from 'next-intl';
import { useActionState } from 'react';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { initialFormState } from '../../../_lib/form-state';
import { FormAlert } from '../../../_components/form-alert';
import { HiddenFields } from '../../../_components/hidden-fields';
import { registerWithProvenAddress } from '../actions';

export function RegisterOffer({ verificationId }: { verificationId: string }) {
  const t = useTranslations('SignIn');
  const [state, action] = useActionState(registerWithProvenAddress, initialFormState());
  return (
    <form action={action} className="space-y-5">
      <FormAlert problem={state.formError} />
      <HiddenFields values={{ verificationId }} />
      <SubmitButton variant="primary" pendingLabel={t('creatingAccount')}>
        {t('createAccount')}
      </SubmitButton>
    </form>
  );
}
