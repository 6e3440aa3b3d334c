import { useTranslations } from 'next-intl';
import { PasswordField } from '@/app/_components/ui/password-field';

export type PasswordRules = { minLength: number; minCharacterTypes: number };

/**
 * A new password with the policy's main rules listed under it. The server checks them and the
 * ones only it can (common passwords, the person's own details) and answers a broken rule with
 * `password.rejected`, every broken rule named beside the field.
 */
export function NewPasswordField({ rules, error, autoFocus, name = 'password' }: { rules: PasswordRules; error?: string; autoFocus?: boolean; name?: string }) {
  const t = useTranslations('Experience');
  const list = [
    { key: 'min', text: t('passwordRule.min', { min: rules.minLength }) },
    ...(rules.minCharacterTypes > 1 ? [{ key: 'types', text: t('passwordRule.types', { min: rules.minCharacterTypes }) }] : []),
  ];
  const hint = (
    <>
      <span>{t('passwordRules')}</span>
      <ul className="mt-1 space-y-0.5">
        {list.map((rule) => (
          <li key={rule.key} className="flex items-start gap-1.5">
            <span aria-hidden="true">•</span>
            <span>{rule.text}</span>
          </li>
        ))}
      </ul>
    </>
  );
  return <PasswordField name={name} label={t('newPassword')} autoComplete="new-password" required autoFocus={autoFocus} hint={hint} error={error} />;
}
