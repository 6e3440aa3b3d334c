import { AsyncLocalStorage } from 'node:async_hooks';
import type { Locale } from '@/lib/i18n/routing';

/**
 * What the experience pages' form handlers may ask of the request they run in, the way App
 * Router code asks `cookies()` and `getLocale()`: the page's language, this browser's
 * interaction cookie, and work to run once the answer has gone out. Set by `experiencePage`.
 */
export type RequestScope = {
  locale: Locale;
  interactionCookie: string | undefined;
  /** Runs `task` after the response is sent (a password-reset code's delivery must not time the answer). */
  afterResponse: (task: () => Promise<unknown>) => void;
};

const storage = new AsyncLocalStorage<RequestScope>();

export const runInScope = <T>(scope: RequestScope, run: () => Promise<T>): Promise<T> => storage.run(scope, run);

export function requestScope(): RequestScope {
  const scope = storage.getStore();
  if (!scope) throw new Error('An experience form handler ran outside an experience page request.');
  return scope;
}

/**
 * Thrown by a handler to move the browser on (the next page, or back to the app), like
 * Next's `redirect()`; `experiencePage` answers it with 303 See Other.
 */
export class Redirect extends Error {
  constructor(readonly location: string) {
    super(`Redirect to ${location}`);
    this.name = 'Redirect';
  }
}
