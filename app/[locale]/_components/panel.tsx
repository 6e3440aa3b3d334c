import type { ReactNode } from 'react';

/** A titled section of the landing page; the heading names the section for screen readers. */
export function Panel({ id, heading, description, children }: { id: string; heading: string; description?: ReactNode; children: ReactNode }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id} className="text-base font-semibold text-zinc-950 dark:text-white">
        {heading}
      </h2>
      {description ? <p className="mt-1 text-sm text-pretty text-zinc-600 dark:text-zinc-400">{description}</p> : null}
      <div className="mt-3 overflow-hidden rounded-xl border border-zinc-200 dark:border-zinc-800">{children}</div>
    </section>
  );
}
