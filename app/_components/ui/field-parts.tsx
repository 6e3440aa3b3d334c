import type { ReactNode } from 'react';
import { ToneIcon } from './icons';

/**
 * Pieces shared by TextField, PasswordField and Checkbox, so every field labels,
 * describes and reports errors the same way. Usable from server and client components.
 */

export type FieldText = {
  /** Shown under the field and read with it ("We'll send a code to this address"). */
  hint?: ReactNode;
  /** What to fix, in plain words. Marks the field aria-invalid and is read with it. */
  error?: string;
};

export function fieldIds(id: string) {
  return { hint: `${id}-hint`, error: `${id}-error` };
}

/** aria-describedby for a field: the error first (it matters most), then the hint, then any the caller adds. */
export function describedBy(id: string, { hint, error }: FieldText, extra?: string): string | undefined {
  const ids = fieldIds(id);
  const list = [error ? ids.error : null, hint ? ids.hint : null, extra ?? null].filter(Boolean);
  return list.length > 0 ? list.join(' ') : undefined;
}

/** `sesame-input`: a stable hook for the operator's stylesheet (`customCss`). */
export const inputClassName =
  'sesame-input block w-full min-h-11 rounded-lg border border-zinc-300 bg-white px-3 py-2 text-base text-zinc-900 shadow-xs ' +
  'placeholder:text-zinc-400 focus:border-brand-link focus:outline-2 focus:-outline-offset-1 focus:outline-brand-link ' +
  'aria-invalid:border-red-600 aria-invalid:focus:outline-red-600 disabled:cursor-not-allowed disabled:opacity-60 ' +
  'dark:border-zinc-700 dark:bg-zinc-950 dark:text-zinc-100 dark:placeholder:text-zinc-500 ' +
  'dark:aria-invalid:border-red-400 dark:aria-invalid:focus:outline-red-400';

export function FieldLabel({ htmlFor, children, aside }: { htmlFor: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <div className="mb-1.5 flex items-baseline justify-between gap-3">
      <label htmlFor={htmlFor} className="sesame-label text-sm font-medium text-zinc-900 dark:text-zinc-100">
        {children}
      </label>
      {aside ? <div className="text-sm">{aside}</div> : null}
    </div>
  );
}

export function FieldMessages({ id, hint, error }: FieldText & { id: string }) {
  const ids = fieldIds(id);
  return (
    <>
      {error ? (
        <p id={ids.error} className="mt-1.5 flex gap-1.5 text-sm text-red-700 dark:text-red-400">
          <ToneIcon tone="error" />
          <span>{error}</span>
        </p>
      ) : null}
      {hint ? (
        // A div, not a p: a hint may hold a list (password rules).
        <div id={ids.hint} className="mt-1.5 text-sm text-zinc-600 dark:text-zinc-400">
          {hint}
        </div>
      ) : null}
    </>
  );
}
