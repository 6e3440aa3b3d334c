import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedApplication } from '../../support/oidc/management';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn, type Credentials } from '../../support/oidc/sign-in';
import type { Hop } from '../../support/oidc/browser';

// Consent (OIDC Core §3.1.2.4): third-party apps ask the user; first-party apps never do (as in Logto).
describe('consent', () => {
  let t: OidcTestApp;
  let thirdParty: CreatedApplication;
  let firstParty: CreatedApplication;
  let rp: client.Configuration;
  const callback = rpUrl('/callback');
  const appName = 'Partner Calendar';

  beforeAll(async () => {
    t = await startOidcApp();
    thirdParty = await t.management.createApplication({ name: appName, type: 'Traditional', redirectUris: [callback], isThirdParty: true });
    firstParty = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    rp = await relyingParty(t.app, thirdParty);
  });

  afterAll(async () => {
    await t?.app.stop();
  });

  function expectConsentStep(hop: Hop) {
    expect(hop.response.status).toBe(303);
    expect(hop.location?.origin).toBe(t.app.baseUrl);
    expect(hop.location?.pathname).toMatch(/\/consent$/);
  }

  /** Approves (or denies) in the consent API and follows the browser back into the authorization. */
  async function decide(browser: Browser, decision: 'allow' | 'deny'): Promise<Hop> {
    const response = await browser.json('POST', '/api/interaction/consent', decision === 'deny' ? { decision: 'deny' } : {});
    expect(response.status).toBe(200);
    const { redirectTo } = (await response.json()) as { redirectTo: string };
    return browser.navigate(redirectTo);
  }

  async function signedInAtConsent(user: Credentials, scope = 'openid profile') {
    const browser = new Browser(t.app.baseUrl);
    const pending = await authorizationRequest(rp, { redirectUri: callback, scope });
    const hop = await signIn(browser, pending.url, user);
    expectConsentStep(hop);
    return { browser, pending, hop };
  }

  it('shows a third-party app’s user the consent page, naming the app', async () => {
    const user = await t.management.createUser();
    const { browser, hop } = await signedInAtConsent(user);
    const page = await browser.fetch(hop.location!);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain(appName);
  });

  it('without a consent under way, says the request expired, or sends the browser to the operator’s unknown-session page', async () => {
    const page = () => fetch(`${t.app.baseUrl}/consent`, { redirect: 'manual', headers: { 'accept-language': 'en' } });
    const expired = await page();
    expect(expired.status).toBe(200);
    expect(await expired.text()).toContain('This request has expired');
    expect((await t.management.request('PATCH', '/api/sign-in-exp', { unknownSessionRedirectUrl: 'https://app.example.com/' })).status).toBe(200);
    try {
      const sent = await page();
      expect(sent.status).toBe(307);
      expect(sent.headers.get('location')).toBe('https://app.example.com/');
    } finally {
      await t.management.request('PATCH', '/api/sign-in-exp', { unknownSessionRedirectUrl: null });
    }
  });

  it('describes the request in GET /api/interaction/consent', async () => {
    const user = await t.management.createUser();
    const { browser } = await signedInAtConsent(user, 'openid profile email');
    const response = await browser.json('GET', '/api/interaction/consent');
    expect(response.status).toBe(200);
    const context = (await response.json()) as Record<string, unknown>;
    expect(context).toMatchObject({ application: { id: thirdParty.id, name: appName }, user: { id: user.id }, redirectUri: callback });
    expect(context.missingScopes).toEqual(expect.arrayContaining(['profile', 'email']));
  });

  it('issues the code once the user approves, and remembers the approval', async () => {
    const user = await t.management.createUser({ name: 'Consenting Adult' });
    const { browser, pending } = await signedInAtConsent(user);
    const tokens = await redeem(rp, callbackFrom(await decide(browser, 'allow'), callback), pending);
    expect(tokens.claims()).toMatchObject({ sub: user.id, aud: thirdParty.id, name: 'Consenting Adult' });

    // Same scopes again: no consent step.
    const again = await authorizationRequest(rp, { redirectUri: callback, scope: 'openid profile' });
    const hop = await browser.navigate(again.url);
    expect((await redeem(rp, callbackFrom(hop, callback), again)).claims()!.sub).toBe(user.id);

    // prompt=consent asks a third-party app's user again.
    const forced = await authorizationRequest(rp, { redirectUri: callback, scope: 'openid profile', prompt: 'consent' });
    expectConsentStep(await browser.navigate(forced.url));

    // A scope not yet approved, with prompt=none: consent_required.
    const silent = await authorizationRequest(rp, { redirectUri: callback, scope: 'openid profile email', prompt: 'none' });
    const refused = callbackFrom(await browser.navigate(silent.url), callback);
    expect(refused.searchParams.get('error')).toBe('consent_required');
    expect(refused.searchParams.get('state')).toBe(silent.state);
    expect(refused.searchParams.get('iss')).toBe(t.issuer);
  });

  it('answers access_denied, with state and iss, when the user declines', async () => {
    const user = await t.management.createUser();
    const { browser, pending } = await signedInAtConsent(user);
    const denied = callbackFrom(await decide(browser, 'deny'), callback);
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe(pending.state);
    expect(denied.searchParams.get('iss')).toBe(t.issuer);
    await expect(redeem(rp, denied, pending)).rejects.toBeInstanceOf(client.AuthorizationResponseError);
  });

  it('never asks for a first-party app, even with prompt=consent', async () => {
    const user = await t.management.createUser();
    const firstRp = await relyingParty(t.app, firstParty);
    const pending = await authorizationRequest(firstRp, { redirectUri: callback, scope: 'openid profile email', prompt: 'consent' });
    const tokens = await redeem(firstRp, callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), callback), pending);
    expect(tokens.claims()!.sub).toBe(user.id);
  });
});
