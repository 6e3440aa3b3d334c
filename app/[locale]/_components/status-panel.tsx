import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import type { SystemStatus } from '@/lib/system/status';
import { Panel } from './panel';

export function StatusPanel({ status }: { status: SystemStatus }) {
  const t = useTranslations('Landing.status');
  const { database } = status;
  return (
    <Panel id="status-heading" heading={t('heading')}>
      <div className="flex items-center gap-3 bg-zinc-50 px-4 py-3 dark:bg-zinc-800/40">
        <HealthDot ok={database.ok} />
        <p className="font-medium text-zinc-900 dark:text-zinc-100">{database.ok ? t('ok') : t('unavailable')}</p>
      </div>
      <dl className="divide-y divide-zinc-200 border-t border-zinc-200 text-sm dark:divide-zinc-800 dark:border-zinc-800">
        <Row term={t('version')}>
          <span className="font-mono">{status.version}</span>
        </Row>
        <Row term={t('database')}>
          <span className="font-medium">{t(`drivers.${database.driver}`)}</span>
          {database.ok ? (
            <span className="block text-zinc-600 dark:text-zinc-400">{t('latency', { ms: database.latencyMs })}</span>
          ) : (
            <code className="block font-mono text-xs break-words text-red-700 dark:text-red-400">{database.reason}</code>
          )}
        </Row>
      </dl>
    </Panel>
  );
}

function Row({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-6 gap-y-0.5 px-4 py-3">
      <dt className="text-zinc-600 dark:text-zinc-400">{term}</dt>
      <dd className="min-w-0 text-zinc-900 sm:text-right dark:text-zinc-100">{children}</dd>
    </div>
  );
}

/** Colour is never the only signal: the sentence next to the dot says the same. */
function HealthDot({ ok }: { ok: boolean }) {
  return (
    <span aria-hidden="true" className="relative flex size-2.5">
      {ok ? <span className="absolute inline-flex size-full rounded-full bg-emerald-400 opacity-60 motion-safe:animate-ping" /> : null}
      <span className={`relative inline-flex size-2.5 rounded-full ${ok ? 'bg-emerald-500' : 'bg-red-500'}`} />
    </span>
  );
}
