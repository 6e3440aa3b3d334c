import { useTranslations } from 'next-intl';
import { PasswordField } from '@/app/_components/ui/password-field';

export type PasswordRules = { minLength: number; minCharacterTypes: number };

/**
 * A new password with the policy's main rules listed under it; public/experience.js ticks each
 * rule as it is met (`data-met`). The server checks them and the ones only it can (common
 * passwords, the person's own details) and names every broken rule beside the field.
 */
export function NewPasswordField({ rules, error, autoFocus, name = 'password' }: { rules: PasswordRules; error?: string; autoFocus?: boolean; name?: string }) {
  const t = useTranslations('Experience');
  const list = [
    { key: 'length', min: rules.minLength, text: t('passwordRule.min', { min: rules.minLength }) },
    ...(rules.minCharacterTypes > 1 ? [{ key: 'types', min: rules.minCharacterTypes, text: t('passwordRule.types', { min: rules.minCharacterTypes }) }] : []),
  ];
  const hint = (
    <>
      <span>{t('passwordRules')}</span>
      <ul className="mt-1 space-y-0.5">
        {list.map((rule) => (
          <li key={rule.key} data-password-rule={rule.key} data-min={rule.min} className="group flex items-start gap-1.5">
            <span aria-hidden="true" className="group-data-met:hidden">
              •
            </span>
            <span aria-hidden="true" className="hidden text-emerald-700 group-data-met:inline dark:text-emerald-400">
              ✓
            </span>
            <span>{rule.text}</span>
          </li>
        ))}
      </ul>
    </>
  );
  return <PasswordField name={name} label={t('newPassword')} autoComplete="new-password" required autoFocus={autoFocus} hint={hint} error={error} />;
}
