import { describe, expect, it } from 'vitest';
import { authorizationRequest, client, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn, submitSignIn } from '../../support/oidc/sign-in';
import { authorize, browser, expectErrorPage, expectRedirectedError, spaCallback, spaParams, spaRp, t, useRefusalsWorld, user, webCallback, webRp } from './refusals-world';

// What a correct OP refuses at the authorization endpoint and around the sign-in hand-off: RFC 6749 §4.1.2.1, RFC 7636, OIDC Core §3.1.2.6.
describe('refusals before a code is issued', () => {
  useRefusalsWorld();

  describe('at the authorization endpoint', () => {
    it('never redirects to an unregistered redirect_uri: Sesame shows its error page', async () => {
      for (const redirectUri of ['https://evil.example.com/callback', `${spaCallback}/`, `${spaCallback}?next=1`, spaCallback.toUpperCase()]) {
        const hop = await authorize(await spaParams({ redirect_uri: redirectUri }));
        expectErrorPage(hop, 'oidc.invalid_redirect_uri');
        expect(hop.location!.href.startsWith(redirectUri)).toBe(false);
      }
      expectErrorPage(await authorize(await spaParams({ redirect_uri: undefined })), 'oidc.invalid_redirect_uri');
    });

    it('shows the error page for an unknown or missing client', async () => {
      expectErrorPage(await authorize(await spaParams({ client_id: 'no-such-client' })), 'oidc.invalid_client');
      expectErrorPage(await authorize(await spaParams({ client_id: undefined })), 'oidc.invalid_request');
    });

    it('shows the error page in the sign-in experience’s language: ui_locales, then languageInfo', async () => {
      const errorPath = async (changes: Record<string, string>, acceptLanguage: string) => {
        const url = `${t.issuer}/auth?${new URLSearchParams(await spaParams({ client_id: 'no-such-client', ...changes }))}`;
        const response = await fetch(url, { redirect: 'manual', headers: { 'accept-language': acceptLanguage } });
        expect(response.status).toBe(303);
        return new URL(response.headers.get('location')!).pathname;
      };
      expect(await errorPath({}, 'ko-KR,ko;q=0.9')).toBe('/ko/error');
      expect(await errorPath({ ui_locales: 'en' }, 'ko-KR,ko;q=0.9')).toBe('/en/error');
      const configured = await t.management.request('PATCH', '/api/sign-in-exp', { languageInfo: { autoDetect: false, fallbackLanguage: 'ko' } });
      expect(configured.status).toBe(200);
      try {
        expect(await errorPath({}, 'en-US,en;q=0.9')).toBe('/ko/error');
        expect(await errorPath({ ui_locales: 'en' }, 'en-US,en;q=0.9')).toBe('/error');
      } finally {
        await t.management.request('PATCH', '/api/sign-in-exp', { languageInfo: { autoDetect: true, fallbackLanguage: 'en' } });
      }
    });

    it('requires PKCE from a public client', async () => {
      const hop = await authorize(await spaParams({ code_challenge: undefined, code_challenge_method: undefined }));
      expectRedirectedError(hop, spaCallback, 'invalid_request');
    });

    it('refuses code_challenge_method=plain, and a challenge without a method', async () => {
      const verifier = client.randomPKCECodeVerifier();
      expectRedirectedError(await authorize(await spaParams({ code_challenge: verifier, code_challenge_method: 'plain' })), spaCallback, 'invalid_request');
      expectRedirectedError(await authorize(await spaParams({ code_challenge_method: undefined })), spaCallback, 'invalid_request');
    });

    it('refuses request objects with the OIDC Core §6 errors, redirected with iss and state', async () => {
      expectRedirectedError(await authorize(await spaParams({ request: 'eyJhbGciOiJub25lIn0.e30.' })), spaCallback, 'request_not_supported');
      expectRedirectedError(
        await authorize(await spaParams({ request_uri: 'https://rp.example.com/request.jwt' })),
        spaCallback,
        'request_uri_not_supported',
      );
    });

    it('answers prompt=none without a session with login_required', async () => {
      const hop = await authorize(await spaParams({ prompt: 'none' }), new Browser(t.app.baseUrl));
      expectRedirectedError(hop, spaCallback, 'login_required');
    });

    it('refuses response types other than code', async () => {
      expectRedirectedError(await authorize(await spaParams({ response_type: 'token' })), spaCallback, 'unsupported_response_type');
      expectRedirectedError(await authorize(await spaParams({ response_type: 'code id_token' })), spaCallback, 'unsupported_response_type');
    });

    it('refuses an unknown resource with invalid_target', async () => {
      expectRedirectedError(await authorize(await spaParams({ resource: 'https://unknown.example.com' })), spaCallback, 'invalid_target');
    });

    it('refuses a repeated parameter and a missing scope', async () => {
      const params = new URLSearchParams(await spaParams());
      params.append('state', 'again');
      // RFC 6749 §3.1: parameters must not repeat. Which one to trust is unknowable, so no redirect at all.
      expectErrorPage(await browser.navigate(`${t.issuer}/auth?${params}`), 'oidc.invalid_request');
      expectRedirectedError(await authorize(await spaParams({ scope: undefined })), spaCallback, 'invalid_scope');
    });
  });

  describe('around the sign-in hand-off', () => {
    it('binds the interaction to the browser that started it: another browser cannot resume it', async () => {
      const pending = await authorizationRequest(webRp, { redirectUri: webCallback });
      const owner = new Browser(t.app.baseUrl);
      await owner.navigate(pending.url);
      const redirectTo = await submitSignIn(owner, user);

      expectErrorPage(await new Browser(t.app.baseUrl).navigate(redirectTo), 'session.interaction_not_found');
      const tokens = await redeem(webRp, callbackFrom(await owner.navigate(redirectTo), webCallback), pending);
      expect(tokens.claims()!.sub).toBe(user.id);
      // Done: the interaction cannot be replayed by its own browser either.
      expectErrorPage(await owner.navigate(redirectTo), 'session.interaction_not_found');
    });

    it('answers prompt=none with login_required when max_age demands a fresh sign-in', async () => {
      const hop = await browser.navigate((await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none', max_age: '0', state: 'state-123' })).url);
      expectRedirectedError(hop, webCallback, 'login_required');
    });

    it('lets a native app use any port on loopback, and nothing else (RFC 8252 §7.3)', async () => {
      const loopback = 'http://127.0.0.1/callback';
      const scheme = 'com.example.app:/oauth2redirect';
      const native = await t.management.createApplication({ type: 'Native', redirectUris: [loopback, scheme] });
      const nativeRp = await relyingParty(t.app, native);
      for (const redirectUri of ['http://127.0.0.1:53124/callback', scheme]) {
        const pending = await authorizationRequest(nativeRp, { redirectUri });
        const tokens = await redeem(nativeRp, callbackFrom(await browser.navigate(pending.url), redirectUri), pending);
        expect(tokens.claims()!.aud).toBe(native.id);
      }
      for (const redirectUri of ['http://127.0.0.1:53124/other', 'http://localhost:53124/callback', 'com.example.app:/elsewhere']) {
        const pending = await authorizationRequest(nativeRp, { redirectUri });
        expectErrorPage(await browser.navigate(pending.url), 'oidc.invalid_redirect_uri');
      }
      // Port variation is for native apps only.
      const spaOnLoopback = await t.management.createApplication({ type: 'SPA', redirectUris: ['http://127.0.0.1/spa'] });
      const pending = await authorizationRequest(await relyingParty(t.app, spaOnLoopback), { redirectUri: 'http://127.0.0.1:53124/spa' });
      expectErrorPage(await browser.navigate(pending.url), 'oidc.invalid_redirect_uri');
    });

    it("does not hand out another user's tokens when id_token_hint names someone else (OIDC Core §3.1.2.1)", async () => {
      const other = await t.management.createUser();
      const elsewhere = new Browser(t.app.baseUrl);
      const theirs = await authorizationRequest(webRp, { redirectUri: webCallback });
      const theirIdToken = (await redeem(webRp, callbackFrom(await signIn(elsewhere, theirs.url, other), webCallback), theirs)).id_token!;

      // This browser's session is `user`'s: a silent request hinting at `other` must fail...
      const silent = await browser.navigate(
        (await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none', id_token_hint: theirIdToken, state: 'state-123' })).url,
      );
      expectRedirectedError(silent, webCallback, 'login_required');
      // ...and an interactive one asks to sign in instead of answering for the wrong person.
      const interactive = await browser.navigate((await authorizationRequest(webRp, { redirectUri: webCallback, id_token_hint: theirIdToken })).url);
      expect(interactive.location?.pathname).toMatch(/\/sign-in$/);

      // A hint at the signed-in user is a plain silent renewal.
      const mine = await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none' });
      const myIdToken = (await redeem(webRp, callbackFrom(await browser.navigate(mine.url), webCallback), mine)).id_token!;
      const renewal = await authorizationRequest(webRp, { redirectUri: webCallback, prompt: 'none', id_token_hint: myIdToken });
      expect((await redeem(webRp, callbackFrom(await browser.navigate(renewal.url), webCallback), renewal)).claims()!.sub).toBe(user.id);

      // A hint that is not our ID token for this client is refused.
      const forged = `${myIdToken.slice(0, myIdToken.lastIndexOf('.'))}.${Buffer.from('forged').toString('base64url')}`;
      expectRedirectedError(
        await browser.navigate((await authorizationRequest(webRp, { redirectUri: webCallback, id_token_hint: forged, state: 'state-123' })).url),
        webCallback,
        'invalid_request',
      );
      const spaPending = await authorizationRequest(spaRp, { redirectUri: spaCallback, id_token_hint: myIdToken, state: 'state-123' });
      expectRedirectedError(await browser.navigate(spaPending.url), spaCallback, 'invalid_request');
    });

    it('shows the error page when the browser comes back without an interaction', async () => {
      expectErrorPage(await new Browser(t.app.baseUrl).navigate(`${t.issuer}/auth/resume`), 'session.interaction_not_found');
    });
  });
});
