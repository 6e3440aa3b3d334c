import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { Logo } from '@/app/_components/ui/logo';
import { PageFrame } from '@/app/_components/ui/page-frame';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { operatorChrome } from '@/app/_experience/components/experience-frame';
import { operatorIcons } from '@/app/_experience/server/operator-frame';
import { getDb } from '@/db/client';
import { findExperienceFrame } from '@/lib/experience/screen';
import { loadConsentContext } from '@/lib/oidc/consent';
import { findInteraction, interactionCookieName } from '@/lib/oidc/interaction';
import { loadSessionByCookieValue, sessionCookieName } from '@/lib/oidc/sessions';
import { decideConsent } from './actions';

/** This browser's interaction, read once per request for the metadata and the page alike. */
const currentInteraction = cache(async () => findInteraction(await getDb(), (await cookies()).get(interactionCookieName())?.value));

export async function generateMetadata({ params }: PageProps<'/[locale]/consent'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'Consent' });
  const interaction = await currentInteraction().catch(() => undefined);
  return { title: t('metaTitle'), robots: { index: false }, icons: await operatorIcons(interaction?.applicationId) };
}

const KNOWN_SCOPES = ['profile', 'email', 'phone', 'address', 'custom_data', 'roles', 'offline_access'];

/** A third-party app asks for access: who, for whom, what, and Allow / Deny (DESIGN.md "consent"). */
export default async function ConsentPage({ params }: PageProps<'/[locale]/consent'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('Consent');
  const jar = await cookies();
  const db = await getDb();
  const interaction = await currentInteraction();
  const session = await loadSessionByCookieValue(db, jar.get(sessionCookieName())?.value);
  // The app's own look and terms links when it has them (a third-party app's sign-in experience).
  const frame = await findExperienceFrame(db, interaction?.applicationId);
  if (!interaction || !session) {
    // As the sign-in pages: back to the operator's page when they named one (expiredPage).
    if (frame.unknownSessionRedirectUrl) redirect(frame.unknownSessionRedirectUrl);
    return <PageFrame title={t('expiredTitle')} description={t('expiredHelp')} {...operatorChrome(frame)} />;
  }
  const context = await loadConsentContext(db, interaction, session);
  const { application } = context;
  const appName = application.displayName ?? application.name;
  const logoSrc = application.branding?.logoUrl ?? application.logoUri;
  const who = context.user.name ?? context.user.primaryEmail ?? context.user.username ?? context.user.id;
  const switchAccount = `/oidc/session/end?client_id=${encodeURIComponent(application.id)}`;
  return (
    <PageFrame
      title={t('title', { app: appName })}
      description={t('description')}
      {...operatorChrome(frame)}
      logo={logoSrc ? <Logo src={logoSrc} darkSrc={application.branding?.darkLogoUrl} alt={appName} /> : undefined}
    >
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        {t('signedInAs', { who })}{' '}
        <a className="font-medium underline" href={switchAccount}>
          {t('switchAccount')}
        </a>
      </p>
      <h2 className="mt-6 text-sm font-semibold text-zinc-900 dark:text-zinc-100">{t('permissionsHeading')}</h2>
      <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-zinc-700 dark:text-zinc-300">
        {context.requestedScopes.map((scope) => (
          <li key={scope}>{KNOWN_SCOPES.includes(scope) ? t(`scopes.${scope}`) : t('scopes.api', { scope })}</li>
        ))}
        {context.requestedScopes.length === 0 ? <li>{t('scopes.identity')}</li> : null}
      </ul>
      <form action={decideConsent} className="mt-8 flex flex-col gap-3">
        <SubmitButton name="decision" value="allow" variant="primary">
          {t('allow')}
        </SubmitButton>
        <Button type="submit" name="decision" value="deny" variant="secondary">
          {t('deny')}
        </Button>
      </form>
    </PageFrame>
  );
}
