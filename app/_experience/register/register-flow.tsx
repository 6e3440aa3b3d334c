import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import type { Legal, RegisterScreen } from '@/lib/experience/screen';
import { ChosenIdentifier } from '../components/chosen-identifier';
import { FormAlert } from '../components/form-alert';
import { HiddenFields } from '../components/hidden-fields';
import { IdentifierField } from '../components/identifier-field';
import { NewPasswordField, type PasswordRules } from '../components/new-password-field';
import { useProblemText } from '../components/problem-text';
import { TermsAgreement } from '../components/terms-agreement';
import type { RegisterState } from './actions';

/**
 * The registration form: the identifier (and the terms), then a password for a username, with
 * the chosen username shown and "Change". Plain form posts to the page (`intent` names the step).
 */
export function RegisterFlow({ screen, legal, rules, state }: { screen: RegisterScreen; legal: Legal; rules: PasswordRules; state: RegisterState }) {
  const t = useTranslations('Register');
  const experience = useTranslations('Experience');
  const problemText = useProblemText();
  const { values, fieldErrors = {} } = state;

  if (state.step === 'identifier') {
    return (
      <form method="post" noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <input type="hidden" name="intent" value="identifier" />
        <IdentifierField isNew types={screen.identifiers} defaultValue={values.identifier} error={fieldErrors.identifier} autoFocus />
        <TermsAgreement mode={screen.terms} legal={legal} error={problemText(fieldErrors.agreeToTerms)} />
        <Button type="submit" variant="primary">
          {t('sendCode')}
        </Button>
      </form>
    );
  }

  const carried = { identifier: values.identifier ?? '', ...(values.agreeToTerms ? { agreeToTerms: 'on' } : {}) };
  return (
    <div className="space-y-5">
      <ChosenIdentifier label={experience('identifier.username')} identifier={values.identifier ?? ''} carried={carried} />
      <form method="post" noValidate className="space-y-5">
        <FormAlert problem={state.formError} />
        <HiddenFields values={carried} />
        <input type="hidden" name="intent" value="password" />
        {/* For password managers: the account this new password belongs to. */}
        <input type="text" name="username" autoComplete="username" value={values.identifier ?? ''} readOnly hidden />
        <NewPasswordField rules={rules} autoFocus error={problemText(fieldErrors.password)} />
        <Button type="submit" variant="primary">
          {t('submit')}
        </Button>
      </form>
    </div>
  );
}
