import type { HTMLAttributes } from 'react';

export type CardProps = HTMLAttributes<HTMLDivElement> & {
  /** Edge to edge without border on phones, a floating card from the `sm` breakpoint up. */
  fullBleedOnMobile?: boolean;
};

export function Card({ fullBleedOnMobile = false, className, ...props }: CardProps) {
  const surface = fullBleedOnMobile
    ? 'bg-white px-6 py-8 dark:bg-zinc-900 sm:rounded-2xl sm:border sm:border-zinc-200 sm:px-10 sm:py-10 sm:shadow-sm dark:sm:border-zinc-800'
    : 'rounded-2xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900';
  return <div className={className ? `${surface} ${className}` : surface} {...props} />;
}
