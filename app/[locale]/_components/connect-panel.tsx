import { useTranslations } from 'next-intl';
import { Panel } from './panel';

/**
 * The issuer and the public endpoints an operator needs to register an app. Links are
 * paths on this host, so they work however the page was reached; the issuer is shown
 * in full because that is what goes into a client's configuration.
 */
export function ConnectPanel({ issuer }: { issuer: string }) {
  const t = useTranslations('Landing.connect');
  const issuerPath = new URL(issuer).pathname;
  const endpoints = [
    { label: t('discovery'), path: `${issuerPath}/.well-known/openid-configuration` },
    { label: t('jwks'), path: `${issuerPath}/jwks` },
    { label: t('status'), path: '/api/status' },
  ];
  return (
    <Panel id="connect-heading" heading={t('heading')} description={t('description')}>
      <div className="bg-zinc-50 px-4 py-3 dark:bg-zinc-800/40">
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('issuer')}</p>
        <code className="mt-0.5 block font-mono text-sm break-all text-zinc-900 dark:text-zinc-100">{issuer}</code>
      </div>
      <ul className="divide-y divide-zinc-200 border-t border-zinc-200 dark:divide-zinc-800 dark:border-zinc-800">
        {endpoints.map((endpoint) => (
          <li key={endpoint.path}>
            <a
              href={endpoint.path}
              className="group flex items-center justify-between gap-3 px-4 py-3 hover:bg-zinc-50 focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-link dark:hover:bg-zinc-800/60"
            >
              <span className="min-w-0">
                <span className="block text-sm font-medium text-brand-link group-hover:underline underline-offset-4">{endpoint.label}</span>
                <code className="block font-mono text-xs break-all text-zinc-600 dark:text-zinc-400">{endpoint.path}</code>
              </span>
              <ArrowIcon />
            </a>
          </li>
        ))}
      </ul>
    </Panel>
  );
}

function ArrowIcon() {
  return (
    <svg viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden="true" className="size-4 shrink-0 text-zinc-400 transition-transform group-hover:translate-x-0.5 dark:text-zinc-500">
      <path d="M4 10h12m-4.5-4.5L16 10l-4.5 4.5" strokeLinecap="round" strokeLinejoin="round" />
    </svg>
  );
}
