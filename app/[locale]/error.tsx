'use client';

import { useTranslations } from 'next-intl';
import { useEffect } from 'react';
import { Button, buttonClassName } from '@/app/_components/ui/button';
import { PageFrame } from '@/app/_components/ui/page-frame';
import { Link } from '@/lib/i18n/navigation';

/** Next attaches a digest to errors from the server; the same digest is in the server log. */
function digestOf(error: unknown): string | undefined {
  const digest = (error as { digest?: unknown } | null)?.digest;
  return typeof digest === 'string' ? digest : undefined;
}

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  const t = useTranslations('ErrorPage');
  const common = useTranslations('Common');
  const digest = digestOf(error);

  // Errors thrown in the browser never reach the server log; keep them in the console at least.
  useEffect(() => {
    if (!digest) console.error(error);
  }, [error, digest]);

  return (
    <PageFrame title={t('title')} description={t('description')}>
      <div className="space-y-6">
        <p className="text-sm text-pretty text-zinc-700 dark:text-zinc-300">{t('next')}</p>
        {digest ? (
          <p className="rounded-lg bg-zinc-50 px-3 py-2 text-sm text-zinc-700 dark:bg-zinc-800/50 dark:text-zinc-300">
            {t.rich('reference', {
              id: digest,
              code: (chunks) => <code className="font-mono break-all text-zinc-900 dark:text-zinc-100">{chunks}</code>,
            })}
          </p>
        ) : null}
        <div className="space-y-3">
          <Button onClick={retry}>{t('retry')}</Button>
          <Link href="/" className={buttonClassName('secondary', true)}>
            {common('goHome')}
          </Link>
        </div>
      </div>
    </PageFrame>
  );
}
