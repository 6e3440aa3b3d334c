import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { TextField } from '@/app/_components/ui/text-field';
import type { FormState } from '../form-state';
import { FormAlert } from '../components/form-alert';
import { IdentifierField } from '../components/identifier-field';
import { NewPasswordField, type PasswordRules } from '../components/new-password-field';
import { useProblemText } from '../components/problem-text';
import type { PublicProfileField } from '@/lib/sign-in-exp/profile-fields';
import { ExtraProfileFields } from './extra-profile-fields';
import { addressTypes, type ProfileField } from './fields';

/** One missing piece of the account: a username, a password, an address to prove with a code, or the operator's profile fields. */
export function ProfileForm({ field, rules, state, profileFields }: { field: ProfileField; rules: PasswordRules; state: FormState; profileFields: PublicProfileField[] }) {
  const t = useTranslations('CompleteProfile');
  const problemText = useProblemText();
  const { values, fieldErrors = {} } = state;
  return (
    <form method="post" noValidate className="space-y-5">
      <FormAlert problem={state.formError} />
      <input type="hidden" name="field" value={field} />
      {field === 'extraProfile' ? (
        <ExtraProfileFields fields={profileFields} state={state} />
      ) : field === 'password' ? (
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
          defaultValue={values.value}
          error={problemText(fieldErrors.value)}
        />
      ) : (
        <IdentifierField isNew name="value" types={addressTypes(field)} defaultValue={values.value} error={fieldErrors.value} autoFocus />
      )}
      <Button type="submit" variant="primary">
        {t('save')}
      </Button>
    </form>
  );
}
