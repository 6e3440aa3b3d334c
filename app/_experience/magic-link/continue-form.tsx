import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import type { FormState } from '@/app/_experience/form-state';
import { FormAlert } from '@/app/_experience/components/form-alert';

/** "Continue as …": the one post that spends the link's token (the form carries nothing: the interaction holds it). */
export function ContinueForm({ email, state }: { email: string; state?: FormState }) {
  const t = useTranslations('MagicLink');
  return (
    <form method="post" className="space-y-5">
      <FormAlert problem={state?.formError} />
      <Button type="submit" variant="primary">
        {t('continueAs', { email })}
      </Button>
    </form>
  );
}
