import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import type { CodeChannel } from '@/lib/experience/screen';
import type { FormState } from '@/app/_experience/form-state';
import { FormAlert } from '@/app/_experience/components/form-alert';
import { IdentifierField } from '@/app/_experience/components/identifier-field';

/** The address to send a reset code to (a plain form post to the same page). */
export function RequestForm({ channels, state }: { channels: CodeChannel[]; state: FormState }) {
  const t = useTranslations('ForgotPassword');
  return (
    <form method="post" noValidate className="space-y-5">
      <FormAlert problem={state.formError} />
      <IdentifierField types={channels} defaultValue={state.values.identifier} error={state.fieldErrors?.identifier} autoFocus />
      <Button type="submit" variant="primary">
        {t('submit')}
      </Button>
    </form>
  );
}
