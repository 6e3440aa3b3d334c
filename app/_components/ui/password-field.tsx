import { useTranslations } from 'next-intl';
import type { TextFieldProps } from './text-field';
import { FieldLabel, FieldMessages, describedBy, inputClassName } from './field-parts';

export type PasswordFieldProps = Omit<TextFieldProps, 'type'> & {
  /** `current-password` to sign in, `new-password` to set one (lets managers suggest a strong one). */
  autoComplete: 'current-password' | 'new-password';
};

/**
 * A password input with a show/hide toggle. The toggle is rendered `hidden`: it could do
 * nothing without JavaScript, and public/experience.js (the pages' only script) reveals it
 * and flips the input between password and text, with `aria-pressed` choosing the icon.
 */
export function PasswordField({ name, label, id = `field-${name}`, hint, error, labelAside, className, ...input }: PasswordFieldProps) {
  const t = useTranslations('Common');
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} aside={labelAside}>
        {label}
      </FieldLabel>
      <div className="relative">
        <input
          {...input}
          type="password"
          id={id}
          name={name}
          // Never let the browser "fix" a password while it is shown as text.
          autoCapitalize="none"
          autoCorrect="off"
          spellCheck={false}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error }, input['aria-describedby'])}
          className={`${inputClassName} pr-12`}
        />
        <button
          type="button"
          hidden
          data-password-toggle=""
          aria-label={t('showPassword')}
          aria-pressed="false"
          aria-controls={id}
          className="group absolute inset-y-0 right-0 flex w-11 items-center justify-center rounded-r-lg text-zinc-500 hover:text-zinc-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-link dark:text-zinc-400 dark:hover:text-zinc-100 [&[hidden]]:hidden"
        >
          <EyeIcon />
          <EyeSlashIcon />
        </button>
      </div>
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

function EyeIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true" className="size-5 group-aria-pressed:hidden">
      <path d="M2.04 12.32a1 1 0 0 1 0-.64C3.42 7.51 7.36 4.5 12 4.5s8.57 3 9.96 7.18a1 1 0 0 1 0 .64C20.58 16.49 16.64 19.5 12 19.5s-8.57-3-9.96-7.18Z" />
      <circle cx="12" cy="12" r="3" />
    </svg>
  );
}

function EyeSlashIcon() {
  return (
    <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="1.75" aria-hidden="true" className="hidden size-5 group-aria-pressed:block">
      <path d="M3.98 8.22A10.5 10.5 0 0 0 2.04 11.68a1 1 0 0 0 0 .64C3.42 16.49 7.36 19.5 12 19.5c1.99 0 3.86-.55 5.45-1.52M6.23 6.23A10.45 10.45 0 0 1 12 4.5c4.64 0 8.57 3 9.96 7.18a1 1 0 0 1 0 .64 10.5 10.5 0 0 1-4.29 5.45M6.23 6.23 3 3m3.23 3.23 3.65 3.65m7.89 7.89L21 21m-3.23-3.23-3.65-3.65m0 0a3 3 0 1 0-4.24-4.24m4.24 4.24L9.88 9.88" />
    </svg>
  );
}
