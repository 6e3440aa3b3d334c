'use client';

import { useState, useSyncExternalStore, type ComponentProps } from 'react';
import { inputClassName } from './field-styles';

type Props = Omit<ComponentProps<'input'>, 'type'> & { showLabel: string; hideLabel: string };

/**
 * A password input with a show/hide toggle. The toggle appears only once scripts run:
 * without JavaScript it could not work, and a dead button is worse than none.
 */
const noSubscription = () => () => {};

export function PasswordInput({ showLabel, hideLabel, id, ...props }: Props) {
  // False in the server's HTML, true once hydrated: the toggle exists only where it can work.
  const hydrated = useSyncExternalStore(noSubscription, () => true, () => false);
  const [visible, setVisible] = useState(false);

  return (
    <div className="relative">
      <input {...props} id={id} type={visible ? 'text' : 'password'} className={`${inputClassName} ${hydrated ? 'pr-12' : ''}`} />
      {hydrated && (
        <button
          type="button"
          onClick={() => setVisible((shown) => !shown)}
          aria-controls={id}
          aria-pressed={visible}
          aria-label={visible ? hideLabel : showLabel}
          title={visible ? hideLabel : showLabel}
          className="absolute inset-y-0 right-0 flex w-11 items-center justify-center rounded-r-lg text-zinc-500 hover:text-zinc-800 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand dark:text-zinc-400 dark:hover:text-zinc-100"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round" className="size-5">
            <path d="M2 12s3.5-7 10-7 10 7 10 7-3.5 7-10 7S2 12 2 12z" />
            <circle cx="12" cy="12" r="3" />
            {visible && <path d="M3 3l18 18" />}
          </svg>
        </button>
      )}
    </div>
  );
}
