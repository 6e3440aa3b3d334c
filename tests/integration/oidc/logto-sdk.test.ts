import LogtoClient from '@logto/node';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import type { CreatedApplication, CreatedUser } from '../../support/oidc/management';
import { Browser, callbackFrom, completeSignIn, signIn } from '../../support/oidc/sign-in';

// Logto's own Node SDK (@logto/node) as the app: what "Logto's SDKs work against Sesame" means,
// checked with the SDK's defaults (openid, offline_access and profile scopes, PKCE, its JWT
// verification) and its sign-in options, which become Sesame's authentication parameters.
describe('Logto’s Node SDK against Sesame', () => {
  let t: OidcTestApp;
  let app: CreatedApplication;
  let user: CreatedUser;
  const api = 'https://api.sdk.example';
  const callback = rpUrl('/logto/callback');
  const signedOut = rpUrl('/logto/signed-out');

  beforeAll(async () => {
    t = await startOidcApp();
    app = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback], postLogoutRedirectUris: [signedOut] });
    user = await t.management.createUser({ name: 'Grace Hopper', primaryEmail: `grace.${Date.now()}@example.com` });
    const resource = await t.management.createResource({ indicator: api, scopes: ['read:reports'] });
    await t.management.createRole({ type: 'User', scopeIds: [resource.scopeIds['read:reports']!], userIds: [user.id] });
  });

  afterAll(async () => {
    await t?.app.stop();
  });

  /** The SDK with an in-memory session, recording where it sends the browser. */
  function sdk() {
    const storage = new Map<string, string>();
    const navigations: string[] = [];
    const client = new LogtoClient(
      { endpoint: t.app.baseUrl, appId: app.id, appSecret: app.secret, scopes: ['email', 'read:reports'], resources: [api] },
      {
        navigate: (url) => void navigations.push(url),
        storage: {
          getItem: async (key) => storage.get(key) ?? null,
          setItem: async (key, value) => void storage.set(key, value),
          removeItem: async (key) => void storage.delete(key),
        },
      },
    );
    return { client, lastNavigation: () => new URL(navigations.at(-1) ?? expect.unreachable('the SDK navigated nowhere')) };
  }

  it('signs in, verifies the ID token, reads userinfo, and gets a JWT access token for an API resource by refresh', async () => {
    const { client, lastNavigation } = sdk();
    await client.signIn(callback);
    const browser = new Browser(t.app.baseUrl);
    const back = callbackFrom(await signIn(browser, lastNavigation(), user), callback);
    await client.handleSignInCallback(back.href);

    expect(await client.isAuthenticated()).toBe(true);
    expect(await client.getIdTokenClaims()).toMatchObject({ iss: t.issuer, aud: app.id, sub: user.id, name: 'Grace Hopper' });
    expect(await client.fetchUserInfo()).toMatchObject({ sub: user.id, email: user.primaryEmail, email_verified: true });

    const token = await client.getAccessToken(api);
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(`${t.issuer}/jwks`)), { issuer: t.issuer, audience: api });
    expect(payload).toMatchObject({ sub: user.id, client_id: app.id, scope: 'read:reports' });

    await client.signOut(signedOut);
    const endSession = lastNavigation();
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${t.issuer}/session/end`);
    expect(endSession.searchParams.get('post_logout_redirect_uri')).toBe(signedOut);
    expect(await client.isAuthenticated()).toBe(false);
  });

  it('opens the screen its sign-in options name, with the login hint filled in', async () => {
    const { client, lastNavigation } = sdk();
    await client.signIn({ redirectUri: callback, firstScreen: 'register', loginHint: 'new.person@example.com' });
    const browser = new Browser(t.app.baseUrl);
    const handOff = await browser.navigate(lastNavigation());
    expect(handOff.location?.pathname).toBe('/register');
    const page = await browser.navigate(handOff.location!);
    expect(await page.response.text()).toContain('value="new.person@example.com"');

    // The SDK's identifier restriction goes through as well: only the username field is offered.
    await client.signIn({ redirectUri: callback, firstScreen: 'identifier:sign_in', identifiers: ['username'] });
    const second = new Browser(t.app.baseUrl);
    const signInPage = await second.navigate((await second.navigate(lastNavigation())).location!);
    expect(await signInPage.response.text()).toMatch(/<label[^>]*>Username<\/label>/);
    // And the person can still finish signing in from there.
    const done = callbackFrom(await completeSignIn(second, user), callback);
    await client.handleSignInCallback(done.href);
    expect((await client.getIdTokenClaims()).sub).toBe(user.id);
  });
});
