import type { ReactNode } from 'react';
import { ToneIcon } from './icons';

export type AlertTone = 'error' | 'info' | 'success';

const tones: Record<AlertTone, string> = {
  error: 'border-red-200 bg-red-50 text-red-800 dark:border-red-900/60 dark:bg-red-950/40 dark:text-red-200',
  info: 'border-zinc-200 bg-zinc-50 text-zinc-800 dark:border-zinc-700 dark:bg-zinc-800/50 dark:text-zinc-200',
  success: 'border-emerald-200 bg-emerald-50 text-emerald-800 dark:border-emerald-900/60 dark:bg-emerald-950/40 dark:text-emerald-200',
};

// Errors interrupt (the person must act on them); success is announced politely;
// info is part of the page and is read in order, not announced.
const roles: Record<AlertTone, 'alert' | 'status' | undefined> = { error: 'alert', success: 'status', info: undefined };

export type AlertProps = {
  tone?: AlertTone;
  /** A short summary in bold above the message. */
  title?: ReactNode;
  children?: ReactNode;
  className?: string;
};

/** A message about the whole form or page (field errors go beside their field). */
export function Alert({ tone = 'info', title, children, className }: AlertProps) {
  return (
    <div role={roles[tone]} className={`flex gap-3 rounded-lg border px-4 py-3 text-sm ${tones[tone]} ${className ?? ''}`}>
      <ToneIcon tone={tone} />
      <div className="min-w-0 space-y-1">
        {title ? <p className="font-medium">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
    </div>
  );
}
