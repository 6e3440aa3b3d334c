import { useTranslations } from 'next-intl';

/**
 * Where the documentation lives. Sesame is self-hosted and may run where no external
 * site is reachable, so this names the README in the repository instead of a URL.
 */
export function DocsNote() {
  const t = useTranslations('Landing.docs');
  return (
    <section aria-labelledby="docs-heading">
      <h2 id="docs-heading" className="text-base font-semibold text-zinc-950 dark:text-white">
        {t('heading')}
      </h2>
      <p className="mt-1 text-sm text-pretty text-zinc-600 dark:text-zinc-400">
        {t.rich('body', {
          code: (chunks) => <code className="rounded bg-zinc-100 px-1 py-0.5 font-mono text-[0.85em] text-zinc-900 dark:bg-zinc-800 dark:text-zinc-100">{chunks}</code>,
        })}
      </p>
    </section>
  );
}
