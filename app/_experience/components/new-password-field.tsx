import { useLocale, useTranslations } from 'next-intl';
import { PasswordField } from '@/app/_components/ui/password-field';

import type { ExperienceScreen } from '@/lib/experience/screen';

export type PasswordRules = ExperienceScreen['passwordRules'];

/**
 * A new password with the policy's main rules listed under it; public/experience.js ticks each
 * rule as it is met (`data-met`). The ones only the server can check (common passwords, the
 * person's own details) are named in a line of their own, and the server names every broken
 * rule beside the field.
 */
export function NewPasswordField({ rules, error, autoFocus, name = 'password' }: { rules: PasswordRules; error?: string; autoFocus?: boolean; name?: string }) {
  const t = useTranslations('Experience');
  const locale = useLocale();
  const avoided = new Intl.ListFormat(locale, { type: 'conjunction' }).format(rules.avoid.map((avoidance) => t(`passwordAvoid.${avoidance}`)));
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
      {rules.avoid.length > 0 ? <span className="mt-1 block">{t('passwordAvoidance', { avoided })}</span> : null}
    </>
  );
  return <PasswordField name={name} label={t('newPassword')} autoComplete="new-password" required autoFocus={autoFocus} hint={hint} error={error} />;
}
