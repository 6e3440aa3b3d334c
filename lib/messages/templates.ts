import { createTranslator, hasLocale, type AbstractIntlMessages } from 'next-intl';
import type { MessagePurpose } from '@/lib/connectors/types';
import { shippedCatalogs } from '@/lib/i18n/custom-phrases';
import { routing, type Locale } from '@/lib/i18n/routing';
import type en from '@/messages/en.json';
import { emailHtml } from './email-html';

export type RenderedMessage = { subject: string; text: string; html: string; sms: string };

export type TemplateVariables = {
  code: string;
  /** How long the code stays valid; the expiry sentence is left out when unknown. */
  expiresInMinutes?: number | undefined;
  /** The app the person signs in to; "Sesame" (the catalog's `appName`) when unknown. */
  appName?: string | undefined;
};

/** The language a message is written in: the person's, when Sesame speaks it, else English. */
export function messageLocale(locale: string): Locale {
  return hasLocale(routing.locales, locale) ? locale : routing.defaultLocale;
}

/**
 * Messages are rendered outside React (route handlers, server actions), so with next-intl's plain
 * translator. `messages` is that language's catalog with the operator's custom phrases
 * (lib/i18n/messages.ts `loadMessages`); Sesame's own wording when not given.
 */
function translatorFor(locale: string, messages?: AbstractIntlMessages) {
  const resolved = messageLocale(locale);
  // The shipped catalogs are typed loosely (custom phrases may change any of them); the keys used here all exist in both.
  const catalog = (messages ?? shippedCatalogs[resolved]) as unknown as typeof en;
  return { locale: resolved, t: createTranslator({ locale: resolved, messages: catalog, namespace: 'MessageTemplates' }) };
}

/**
 * The verification message for one purpose, in the person's language (unknown locales
 * fall back to English): a subject, a plain-text and an HTML body, and a short SMS.
 * The strings live in `messages/<locale>.json` under `MessageTemplates`.
 */
export function renderVerificationMessage(purpose: MessagePurpose, locale: string, vars: TemplateVariables, messages?: AbstractIntlMessages): RenderedMessage {
  const { locale: lang, t } = translatorFor(locale, messages);
  const appName = vars.appName ?? t('appName');
  const minutes = vars.expiresInMinutes;
  const subject = t(`${purpose}.subject`, { appName });
  const intro = t(`${purpose}.intro`, { appName });
  const expiry = minutes === undefined ? undefined : t('expiry', { minutes });
  const ignore = t('ignore');
  const footer = t('footer', { appName });

  const text = [intro, '', vars.code, '', ...(expiry ? [expiry] : []), ignore, '', `— ${footer}`].join('\n');
  const sms = [t(`${purpose}.sms`, { appName, code: vars.code }), ...(minutes === undefined ? [] : [t('smsExpiry', { minutes })])].join(' ');
  const html = emailHtml({ lang, title: subject, intro, code: vars.code, expiry, ignore, footer });
  return { subject, text, html, sms };
}
