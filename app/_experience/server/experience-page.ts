import type { ServerResponse } from 'node:http';
import type { GetServerSideProps, GetServerSidePropsResult } from 'next';
import { hasLocale, type AbstractIntlMessages } from 'next-intl';
import { AppError } from '@/lib/errors';
import { assertSameOrigin } from '@/lib/http/same-origin';
import { describeError, log } from '@/lib/http/logger';
import { loadMessages } from '@/lib/i18n/messages';
import { routing, type Locale } from '@/lib/i18n/routing';
import { withoutLocale } from '@/lib/i18n/localized-path';
import { interactionCookieName } from '@/lib/oidc/interaction';
import { readForm } from './read-form';
import { Redirect, runInScope } from './scope';
import { contentSecurityPolicy } from '@/lib/http/content-security-policy';

/** What every experience page receives besides its own props: its language and where it is (for the locale links). */
export type ExperiencePageProps = { locale: Locale; messages: AbstractIntlMessages; path: string };

export type PageRequest = {
  locale: Locale;
  query: Record<string, string | string[] | undefined>;
  /** The posted form on POST (already checked to come from our own pages), undefined on GET. */
  formData: FormData | undefined;
};

export type PageOutcome<Props> = { props: Props } | { redirect: string };

/**
 * Where passwords and codes are typed, only Sesame's own script runs (public/experience.js; the
 * pages have no inline script). Production only: `next dev` injects inline scripts of its own.
 */
const EXPERIENCE_CSP = contentSecurityPolicy("'self'");

/**
 * The server side of every sign-in experience page (Pages Router, no client runtime: see
 * README "Experience pages"). GET renders; POST runs the page's form handler — the same engine
 * calls the server actions made — which either answers with the page in its new state (an
 * error beside a field, the next step) or moves on with `Redirect` (303 See Other).
 */
export function experiencePage<Props extends object>(
  handle: (request: PageRequest) => Promise<PageOutcome<Props>>,
): GetServerSideProps<Props & ExperiencePageProps> {
  return async ({ params, query, req, res, resolvedUrl }) => {
    const locale = params?.locale;
    if (!hasLocale(routing.locales, locale)) return { notFound: true };
    res.setHeader('Cache-Control', 'private, no-store');
    if (process.env.NODE_ENV === 'production') res.setHeader('Content-Security-Policy', EXPERIENCE_CSP);
    const method = req.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD' && method !== 'POST') return refuse(res, new AppError('request.method_not_allowed', 405, 'Use GET or POST.'), { Allow: 'GET, HEAD, POST' });

    let formData: FormData | undefined;
    if (method === 'POST') {
      try {
        assertSameOrigin(req.headers.origin);
        formData = await readForm(req);
      } catch (error) {
        if (error instanceof AppError) return refuse(res, error);
        throw error;
      }
    }

    const tasks: Array<() => Promise<unknown>> = [];
    const scope = { locale, interactionCookie: req.cookies[interactionCookieName()], afterResponse: (task: () => Promise<unknown>) => void tasks.push(task) };
    let outcome: PageOutcome<Props>;
    try {
      outcome = await runInScope(scope, () => handle({ locale, query, formData }));
    } catch (error) {
      if (!(error instanceof Redirect)) throw error;
      outcome = { redirect: error.location };
    } finally {
      if (tasks.length > 0) runAfterResponse(res, tasks);
    }
    if ('redirect' in outcome) return { redirect: { destination: outcome.redirect, statusCode: 303 } };
    const props = { ...outcome.props, locale, messages: await loadMessages(locale), path: withoutLocale(resolvedUrl) };
    // getServerSideProps refuses `undefined` anywhere in props; JSON drops it as the client never sees props anyway.
    return { props: JSON.parse(JSON.stringify(props)) as Props & ExperiencePageProps } satisfies GetServerSidePropsResult<Props & ExperiencePageProps>;
  };
}

/** A request no page of ours makes (a forged cross-site post, a wrong method): the API's typed error, no page. */
function refuse(res: ServerResponse, error: AppError, headers: Record<string, string> = {}): { props: never } {
  res.writeHead(error.status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify({ code: error.code, message: error.message }));
  // Next renders nothing for a response already sent.
  return { props: {} as never };
}

type RequestContext = { get(): { waitUntil?: (promise: Promise<unknown>) => void } | undefined };

/**
 * Runs tasks once the response has gone out. On Vercel the function is kept alive for them
 * through the platform's request context (what `after()` uses in the App Router).
 */
function runAfterResponse(res: ServerResponse, tasks: Array<() => Promise<unknown>>) {
  const done = new Promise<void>((resolve) => {
    res.once('close', () => {
      void Promise.allSettled(tasks.map((task) => task())).then((results) => {
        for (const result of results) if (result.status === 'rejected') log('error', 'work after an experience page response failed', describeError(result.reason));
        resolve();
      });
    });
  });
  const context = (globalThis as { [key: symbol]: RequestContext | undefined })[Symbol.for('@next/request-context')];
  context?.get()?.waitUntil?.(done);
}
