'use client';

import type { MouseEvent } from 'react';
import { useFormStatus } from 'react-dom';
import { Button, type ButtonProps } from './button';
import { Spinner } from './spinner';

export type SubmitButtonProps = Omit<ButtonProps, 'type'> & {
  /** Replaces the label while the form is submitting ("Signing in…"); the label stays when omitted. */
  pendingLabel?: string;
};

/**
 * The submit button of a form with a server action. While the action runs it shows a
 * spinner and ignores presses. It is marked aria-disabled rather than disabled so that
 * keyboard focus stays on it; cancelling the click also stops Enter in a field, since
 * implicit submission goes through a click on this button.
 */
export function SubmitButton({ children, pendingLabel, onClick, ...props }: SubmitButtonProps) {
  const { pending } = useFormStatus();
  function ignoreWhilePending(event: MouseEvent<HTMLButtonElement>) {
    if (pending) event.preventDefault();
    else onClick?.(event);
  }
  return (
    <Button {...props} type="submit" aria-disabled={pending || undefined} onClick={ignoreWhilePending}>
      {pending ? <Spinner /> : null}
      {pending && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
