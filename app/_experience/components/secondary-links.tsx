import type { ReactNode } from 'react';

/** Secondary actions under a form ("Already have an account? Sign in"), centred and quiet. */
export function SecondaryLinks({ children }: { children: ReactNode }) {
  return <div className="mt-6 space-y-2 text-center text-sm text-zinc-600 dark:text-zinc-400">{children}</div>;
}

export const linkClassName =
  'rounded-sm font-medium text-brand-link underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-link';
