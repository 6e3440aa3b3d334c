import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldLabel, FieldMessages, describedBy, inputClassName, type FieldText } from './field-parts';

export type TextFieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'children'> &
  FieldText & {
    name: string;
    /** Always visible; placeholders are not labels. */
    label: ReactNode;
    /** Defaults to `field-<name>`; set it when one form shows the same name twice. */
    id?: string;
    /** Beside the label, e.g. a "Forgot password?" link. */
    labelAside?: ReactNode;
  };

/**
 * A labelled input. Pass the right `type`, `autoComplete` and `inputMode`
 * (email: type="email" autoComplete="email" inputMode="email"); they go straight to the input.
 */
export function TextField({ name, label, id = `field-${name}`, hint, error, labelAside, className, ...input }: TextFieldProps) {
  return (
    <div className={className}>
      <FieldLabel htmlFor={id} aside={labelAside}>
        {label}
      </FieldLabel>
      <input
        type="text"
        {...input}
        id={id}
        name={name}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(id, { hint, error }, input['aria-describedby'])}
        className={inputClassName}
      />
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}
