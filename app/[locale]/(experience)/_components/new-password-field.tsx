'use client';

import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { PasswordField } from '@/app/_components/ui/password-field';

export type PasswordRules = { minLength: number; minCharacterTypes: number };

const characterClasses = [/[a-z]/, /[A-Z]/, /\d/, /[^a-zA-Z\d]/];

/**
 * A new password with the policy's rules listed under it. Without JavaScript the list is a
 * plain hint; with it, each rule is ticked as it is met. The server checks the same rules
 * (and the ones only it can, like common passwords) and answers with `password.rejected`.
 */
export function NewPasswordField({ rules, error, autoFocus, name = 'password' }: { rules: PasswordRules; error?: string; autoFocus?: boolean; name?: string }) {
  const t = useTranslations('Experience');
  const [value, setValue] = useState('');
  const typed = value.length > 0;
  const list = [
    { key: 'min', text: t('passwordRule.min', { min: rules.minLength }), met: [...value].length >= rules.minLength },
    ...(rules.minCharacterTypes > 1
      ? [
          {
            key: 'types',
            text: t('passwordRule.types', { min: rules.minCharacterTypes }),
            met: characterClasses.filter((pattern) => pattern.test(value)).length >= rules.minCharacterTypes,
          },
        ]
      : []),
  ];
  const hint = (
    <>
      <span>{t('passwordRules')}</span>
      <ul className="mt-1 space-y-0.5">
        {list.map((rule) => (
          <li key={rule.key} className="flex items-start gap-1.5">
            <span aria-hidden="true" className={typed && rule.met ? 'text-emerald-700 dark:text-emerald-400' : ''}>
              {typed && rule.met ? '✓' : '•'}
            </span>
            <span>
              {rule.text}
              {typed ? <span className="sr-only"> ({rule.met ? t('passwordRuleMet') : t('passwordRuleUnmet')})</span> : null}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
  return (
    <PasswordField
      name={name}
      label={t('newPassword')}
      autoComplete="new-password"
      required
      autoFocus={autoFocus}
      hint={hint}
      error={error}
      onChange={(event) => setValue(event.currentTarget.value)}
    />
  );
}
