import { Browser, type Hop } from './browser';
import { formBody, readPage } from '../pages/html-forms';

export interface Credentials {
  username: string;
  password: string;
}

/**
 * Signs a user in the way Sesame's sign-in page does, and carries the authorization on:
 * GET the authorization URL (→ 303 to /sign-in, interaction cookie set), then the
 * Experience API with that cookie (PUT /api/experience, password verification,
 * identification, submit), then GET the `redirectTo` it answers. Resolves where the
 * browser stopped: a redirect to the client (code or error), to /consent for a
 * third-party app, or a form_post page.
 */
export async function signIn(browser: Browser, authorizationUrl: URL, credentials: Credentials): Promise<Hop> {
  const handOff = await browser.navigate(authorizationUrl);
  if (!handOff.location || !/\/sign-in$/.test(handOff.location.pathname)) {
    throw new Error(`signIn: expected a redirect to /sign-in, got ${handOff.response.status} ${handOff.location ?? (await handOff.response.text())}`);
  }
  return completeSignIn(browser, credentials);
}

/** The Experience API part of signIn, for a browser that already holds an interaction cookie. */
export async function completeSignIn(browser: Browser, credentials: Credentials): Promise<Hop> {
  return browser.navigate(await submitSignIn(browser, credentials));
}

/** Identifies the user through the Experience API and returns the `redirectTo` that resumes the authorization. */
export async function submitSignIn(browser: Browser, credentials: Credentials): Promise<string> {
  await expectStatus(browser.json('PUT', '/api/experience', { interactionEvent: 'SignIn' }), 204);
  const verification = await expectStatus(
    browser.json('POST', '/api/experience/verification/password', {
      identifier: { type: 'username', value: credentials.username },
      password: credentials.password,
    }),
    200,
  );
  const { verificationId } = (await verification.json()) as { verificationId: string };
  await expectStatus(browser.json('POST', '/api/experience/identification', { verificationId }), 204);
  const submitted = await expectStatus(browser.json('POST', '/api/experience/submit'), 200);
  const { redirectTo } = (await submitted.json()) as { redirectTo: string };
  return redirectTo;
}

/** The authorization response a redirect carried back to the client (query response mode). */
export function callbackFrom(hop: Hop, redirectUri: string): URL {
  const location = hop.location;
  // Compared without the query (private-use schemes of native apps have no origin).
  if (!location || location.href.split(/[?#]/)[0] !== redirectUri) {
    throw new Error(`expected a redirect to ${redirectUri}, got ${hop.response.status} ${location ?? '(no location)'}`);
  }
  return location;
}

async function expectStatus(pending: Promise<Response>, status: number): Promise<Response> {
  const response = await pending;
  if (response.status !== status) {
    throw new Error(`${response.url}: expected ${status}, got ${response.status} ${await response.text()}`);
  }
  return response;
}

/** An HTML form's action and its inputs' values (form_post responses, Sesame's confirmation pages); buttons are left to the caller. */
export function parseForm(html: string, actionPattern?: RegExp): { action: string; method: string; fields: URLSearchParams } {
  const form = readPage(html).forms.find((candidate) => !actionPattern || actionPattern.test(candidate.action ?? ''));
  if (!form) throw new Error(`no form${actionPattern ? ` with action ${actionPattern}` : ''} in:\n${html.slice(0, 2000)}`);
  return { action: form.action ?? '', method: form.method, fields: formBody(form) };
}

export { Browser };
