import type { Metadata } from 'next';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Alert } from '@/app/_components/ui/alert';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';
import { operatorFrame, operatorIcons } from '@/app/_experience/server/operator-frame';

/** Codes the authorization and logout endpoints send here; anything else reads as `unknown`. */
const KNOWN = ['oidc.invalid_client', 'oidc.invalid_redirect_uri', 'oidc.invalid_request', 'session.interaction_not_found'] as const;
type Known = (typeof KNOWN)[number];
const keyOf = (code: string | undefined) => (KNOWN.includes(code as Known) ? (code as Known).replace('.', '_') : 'unknown');

export async function generateMetadata({ params }: PageProps<'/[locale]/error'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'OidcError' });
  return { title: t('title'), robots: { index: false }, icons: await operatorIcons() };
}

/** Errors that cannot go back to the app (RFC 6749 §4.1.2.1): what happened, what to do, a reference. */
export default async function OidcErrorPage({ params, searchParams }: PageProps<'/[locale]/error'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const code = typeof query.code === 'string' ? query.code : undefined;
  const requestId = typeof query.request_id === 'string' ? query.request_id.slice(0, 64) : undefined;
  const t = await getTranslations('OidcError');
  const key = keyOf(code);
  const product = (await getTranslations('Common'))('product');
  const frame = await operatorFrame();
  return (
    <ExperienceFrame frame={frame} title={t('title')} logoAlt={product}>
      <Alert tone="error" title={t(`${key}.what`)}>
        {t(`${key}.next`)}
      </Alert>
      {requestId ? <p className="mt-6 text-center text-xs text-zinc-500 dark:text-zinc-400">{t('reference', { id: requestId })}</p> : null}
    </ExperienceFrame>
  );
}
