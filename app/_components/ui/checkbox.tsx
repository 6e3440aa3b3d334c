import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldMessages, describedBy, type FieldText } from './field-parts';

export type CheckboxProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'name' | 'children'> &
  FieldText & {
    name: string;
    /** May hold links ("I agree to the <terms>"); they stay outside the click target's text. */
    label: ReactNode;
    id?: string;
  };

/** A native checkbox (keyboard, forms and no-JS for free) with its label beside it. */
export function Checkbox({ name, label, id = `field-${name}`, hint, error, className, ...input }: CheckboxProps) {
  return (
    <div className={className}>
      <div className="flex items-start gap-3">
        <input
          {...input}
          type="checkbox"
          id={id}
          name={name}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(id, { hint, error }, input['aria-describedby'])}
          className="mt-0.5 size-5 shrink-0 accent-brand focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-link"
        />
        <label htmlFor={id} className="text-sm text-zinc-800 dark:text-zinc-200">
          {label}
        </label>
      </div>
      <div className="pl-8">
        <FieldMessages id={id} hint={hint} error={error} />
      </div>
    </div>
  );
}
