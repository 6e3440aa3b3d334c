import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormAlert } from '@/app/_experience/components/form-alert';
import { HiddenFields } from '@/app/_experience/components/hidden-fields';
import type { FormState } from '@/app/_experience/form-state';

/** "Create an account" with the address just proved (posts its verification back). */
export function RegisterOffer({ verificationId, state }: { verificationId: string; state?: FormState }) {
  const t = useTranslations('SignIn');
  return (
    <form method="post" className="space-y-5">
      <FormAlert problem={state?.formError} />
      <HiddenFields values={{ verificationId }} />
      <Button type="submit" variant="primary">
        {t('createAccount')}
      </Button>
    </form>
  );
}
