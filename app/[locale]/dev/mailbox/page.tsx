import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { getFormatter, getTranslations, setRequestLocale } from 'next-intl/server';
import { buttonClassName } from '@/app/_components/ui/button';
import { PageFrame } from '@/app/_components/ui/page-frame';
import { getDb } from '@/db/client';
import { listDevMessages } from '@/db/queries/dev-messages';
import type { DevMessage } from '@/db/schema';
import { env } from '@/lib/env';

export async function generateMetadata({ params }: PageProps<'/[locale]/dev/mailbox'>): Promise<Metadata> {
  const t = await getTranslations({ locale: (await params).locale, namespace: 'DevMailbox' });
  return { title: t('title'), robots: { index: false } };
}

const PURPOSES = ['SignIn', 'Register', 'ForgotPassword', 'Generic'] as const;
const isKnownPurpose = (purpose: string): purpose is (typeof PURPOSES)[number] => (PURPOSES as readonly string[]).includes(purpose);

/**
 * The development mailbox: codes Sesame would have emailed or texted, newest first. It
 * exists only while `DEV_MAILBOX` is on (the default outside production); otherwise 404,
 * so a production installation never shows anyone's codes.
 */
export default async function DevMailboxPage({ params }: PageProps<'/[locale]/dev/mailbox'>) {
  // Read at request time: the mailbox changes with every code sent, and env() must not be read at build.
  await connection();
  if (!env().devMailbox) notFound();
  const { locale } = await params;
  setRequestLocale(locale);
  const t = await getTranslations('DevMailbox');
  const messages = await listDevMessages(await getDb(), { limit: 30 });
  return (
    <PageFrame title={t('title')} description={t('description')} size="wide">
      <div className="flex items-center justify-between gap-4">
        <h2 className="text-sm font-semibold text-zinc-900 dark:text-zinc-100">{t('latest', { count: messages.length })}</h2>
        <a href="" className={buttonClassName('secondary', false)}>
          {t('refresh')}
        </a>
      </div>
      {messages.length === 0 ? (
        <p className="mt-4 text-sm text-zinc-600 dark:text-zinc-400">{t('empty')}</p>
      ) : (
        <ol className="mt-4 space-y-3">
          {messages.map((message) => (
            <MessageItem key={message.id} message={message} />
          ))}
        </ol>
      )}
    </PageFrame>
  );
}

async function MessageItem({ message }: { message: DevMessage }) {
  const t = await getTranslations('DevMailbox');
  const format = await getFormatter();
  const code = message.payload.code;
  const channel = message.channel === 'sms' ? t('channel.sms') : t('channel.email');
  const purpose = isKnownPurpose(message.purpose) ? t(`purposes.${message.purpose}`) : message.purpose;
  return (
    <li data-testid="dev-message" className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-700">
      <div className="flex items-start justify-between gap-3">
        {code ? (
          <div>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('code')}</p>
            <p data-testid="dev-message-code" className="font-mono text-3xl font-bold tracking-widest text-zinc-950 select-all dark:text-white">
              {code}
            </p>
          </div>
        ) : (
          <span />
        )}
        <span className="shrink-0 rounded-full border border-zinc-200 px-2 py-0.5 text-xs text-zinc-600 dark:border-zinc-700 dark:text-zinc-300">
          {channel}
        </span>
      </div>
      <dl className="mt-3 grid min-w-0 grid-cols-[auto_1fr] gap-x-3 gap-y-1">
        <dt className="text-zinc-500 dark:text-zinc-400">{t('to')}</dt>
        <dd className="min-w-0 wrap-anywhere text-zinc-900 dark:text-zinc-100">{message.recipient}</dd>
        <dt className="text-zinc-500 dark:text-zinc-400">{t('purpose')}</dt>
        <dd className="text-zinc-900 dark:text-zinc-100">{purpose}</dd>
        {message.subject ? (
          <>
            <dt className="text-zinc-500 dark:text-zinc-400">{t('subject')}</dt>
            <dd className="text-zinc-900 dark:text-zinc-100">{message.subject}</dd>
          </>
        ) : null}
        <dt className="text-zinc-500 dark:text-zinc-400">{t('sentAt')}</dt>
        <dd className="text-zinc-900 dark:text-zinc-100">
          <time dateTime={message.createdAt.toISOString()}>
            {format.dateTime(message.createdAt, { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' })} UTC
          </time>
        </dd>
      </dl>
      <details className="mt-3">
        <summary className="cursor-pointer text-zinc-600 dark:text-zinc-400">{t('showText')}</summary>
        <pre className="mt-2 whitespace-pre-wrap break-words font-sans text-zinc-800 dark:text-zinc-200">{message.text}</pre>
      </details>
    </li>
  );
}
