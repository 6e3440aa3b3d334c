import type { Metadata } from 'next';
import { cookies } from 'next/headers';
import { getTranslations, setRequestLocale } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { SubmitButton } from '@/app/_components/ui/submit-button';
import { operatorIcons } from '@/app/_experience/server/operator-frame';
import { getDb } from '@/db/client';
import { findExperienceFrame } from '@/lib/experience/screen';
import { findClient } from '@/lib/oidc/clients';
import { loadSessionByCookieValue, sessionCookieName } from '@/lib/oidc/sessions';
import { csrfToken } from '@/lib/security/csrf';
import { ExperienceFrame } from '@/app/_experience/components/experience-frame';

export async function generateMetadata({ params }: PageProps<'/[locale]/sign-out'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'SignOut' });
  return { title: t('title'), robots: { index: false }, icons: await operatorIcons() };
}

const CARRIED = ['client_id', 'post_logout_redirect_uri', 'state', 'ui_locales'] as const;

/**
 * RP-initiated logout without a valid id_token_hint asks first (RP-Initiated Logout §2):
 * a plain form to /oidc/session/end/confirm, with a CSRF token bound to the session.
 */
export default async function SignOutPage({ params, searchParams }: PageProps<'/[locale]/sign-out'>) {
  const { locale } = await params;
  setRequestLocale(locale);
  const query = await searchParams;
  const t = await getTranslations('SignOut');
  const db = await getDb();
  const session = await loadSessionByCookieValue(db, (await cookies()).get(sessionCookieName())?.value);
  const frame = await findExperienceFrame(db);
  const product = (await getTranslations('Common'))('product');
  const clientId = typeof query.client_id === 'string' ? query.client_id : undefined;
  const client = clientId ? await findClient(clientId) : null;
  if (!session) return <ExperienceFrame frame={frame} title={t('alreadySignedOut')} description={t('alreadySignedOutHelp')} logoAlt={product} />;
  const hidden = CARRIED.flatMap((name) => (typeof query[name] === 'string' ? [[name, query[name]] as const] : []));
  return (
    <ExperienceFrame frame={frame} title={t('title')} description={client ? t('fromApp', { app: client.name }) : t('description')} logoAlt={product}>
      <form method="post" action="/oidc/session/end/confirm" className="flex flex-col gap-3">
        {hidden.map(([name, value]) => (
          <input key={name} type="hidden" name={name} value={value} />
        ))}
        <input type="hidden" name="xsrf" value={csrfToken(session.id)} />
        <SubmitButton name="logout" value="yes" variant="primary">
          {t('confirm')}
        </SubmitButton>
        <Button type="submit" name="logout" value="no" variant="link">
          {t('cancel')}
        </Button>
      </form>
    </ExperienceFrame>
  );
}
