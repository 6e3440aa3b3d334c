import type { ButtonHTMLAttributes } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'link';

const base =
  'inline-flex items-center justify-center gap-2 rounded-lg font-medium transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-link ' +
  'disabled:cursor-not-allowed disabled:opacity-60 aria-disabled:cursor-progress ' +
  // Set by public/experience.js on the pages without React while their post is on its way: a
  // spinner drawn by CSS (SubmitButton renders <Spinner> where React runs).
  'data-pending:before:size-4 data-pending:before:rounded-full data-pending:before:border-2 ' +
  'data-pending:before:border-current data-pending:before:border-t-transparent data-pending:motion-safe:before:animate-spin';

const variants: Record<ButtonVariant, string> = {
  primary: 'min-h-11 px-4 py-2 text-base bg-brand text-brand-contrast shadow-sm hover:bg-brand/90 active:bg-brand/80',
  secondary:
    'min-h-11 px-4 py-2 text-base border border-zinc-300 bg-white text-zinc-900 shadow-xs hover:bg-zinc-50 active:bg-zinc-100 ' +
    'dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:hover:bg-zinc-800 dark:active:bg-zinc-700',
  // Sized by its context, so "Forgot password?" matches the label it sits beside.
  link: 'rounded-sm text-brand-link underline-offset-4 hover:underline',
};

/**
 * Classes for anything that should look like a button, links included
 * (`<Link className={buttonClassName('secondary')}>`). The primary action is full
 * width by default (DESIGN.md: one primary action per screen, full width).
 */
export function buttonClassName(variant: ButtonVariant = 'primary', fullWidth = variant === 'primary'): string {
  // `sesame-button-*`: stable hooks for the operator's stylesheet (`customCss`).
  return `sesame-button sesame-button-${variant} ${base} ${variants[variant]}${fullWidth ? ' w-full' : ''}`;
}

export type ButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & {
  variant?: ButtonVariant;
  fullWidth?: boolean;
};

/** A plain button (type="button" unless told otherwise). For form submits use SubmitButton. */
export function Button({ variant = 'primary', fullWidth, className, type = 'button', ...props }: ButtonProps) {
  const classes = buttonClassName(variant, fullWidth ?? variant === 'primary');
  return <button type={type} className={className ? `${classes} ${className}` : classes} {...props} />;
}
