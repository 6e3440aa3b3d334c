'use client';

import { useLocale, useTranslations } from 'next-intl';
import { TextField } from '@/app/_components/ui/text-field';
import { identifierKey } from '@/app/_experience/labels';
import type { IdentifierType } from '@/lib/experience/identifier';
import type { Problem } from '@/app/_experience/form-state';
import { useProblemText } from './problem-text';

/**
 * The one field that says who the person is, labelled with the types it accepts ("Email or
 * username", "Phone number") and typed for them: an email keyboard for email only, a phone
 * keypad for phones only, and `username` autocomplete where password managers look for it.
 */
export function IdentifierField({
  types,
  defaultValue,
  error,
  autoFocus,
  name = 'identifier',
  isNew = false,
}: {
  types: IdentifierType[];
  /** A new account's address (registration, profile): `email` autocomplete rather than the account's `username`. */
  isNew?: boolean;
  defaultValue?: string;
  error?: Problem;
  autoFocus?: boolean;
  name?: string;
}) {
  const t = useTranslations('Experience');
  const locale = useLocale();
  const problemText = useProblemText();
  const label = t(`identifier.${identifierKey(types)}`);
  const only = types.length === 1 ? types[0] : undefined;
  const input =
    only === 'email'
      ? ({ type: 'email', inputMode: 'email', autoComplete: isNew ? 'email' : 'username' } as const)
      : only === 'phone'
        ? ({ type: 'tel', inputMode: 'tel', autoComplete: 'tel' } as const)
        : ({ type: 'text', autoComplete: 'username' } as const);
  return (
    <TextField
      name={name}
      label={label}
      {...input}
      autoCapitalize="none"
      autoCorrect="off"
      spellCheck={false}
      required
      autoFocus={autoFocus}
      defaultValue={defaultValue}
      hint={only === 'phone' ? t('phoneHint') : undefined}
      error={problemText(error, { types: label.toLocaleLowerCase(locale) })}
    />
  );
}
