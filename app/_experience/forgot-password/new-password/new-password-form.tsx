import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import type { FormState } from '@/app/_experience/form-state';
import { FormAlert } from '@/app/_experience/components/form-alert';
import { NewPasswordField, type PasswordRules } from '@/app/_experience/components/new-password-field';
import { useProblemText } from '@/app/_experience/components/problem-text';

/** The new password, with the rules it broke beside it after a refused post. */
export function NewPasswordForm({ rules, state }: { rules: PasswordRules; state?: FormState }) {
  const t = useTranslations('ForgotPassword');
  const problemText = useProblemText();
  return (
    <form method="post" noValidate className="space-y-5">
      <FormAlert problem={state?.formError} />
      <NewPasswordField rules={rules} autoFocus error={problemText(state?.fieldErrors?.password)} />
      <Button type="submit" variant="primary">
        {t('save')}
      </Button>
    </form>
  );
}
