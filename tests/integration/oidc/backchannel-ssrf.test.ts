import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../../support/wait-for';
import { startBackchannelReceiver } from '../../support/oidc/backchannel-receiver';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, client, redeem, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';

// Back-channel logout URIs come from app registrations: without ALLOW_PRIVATE_OUTBOUND,
// Sesame must not be usable to reach loopback or private addresses (no SSRF).
describe('back-channel logout without ALLOW_PRIVATE_OUTBOUND', () => {
  let t: OidcTestApp;
  let receiver: Awaited<ReturnType<typeof startBackchannelReceiver>>;

  beforeAll(async () => {
    receiver = await startBackchannelReceiver();
    t = await startOidcApp({ ALLOW_PRIVATE_OUTBOUND: '0' });
  });

  afterAll(async () => {
    await t?.app.stop();
    await receiver?.stop();
  });

  it('does not call a loopback back-channel URI, and still signs the user out', async () => {
    const callback = rpUrl('/callback');
    const signedOut = rpUrl('/signed-out');
    const web = await t.management.createApplication({
      type: 'Traditional',
      redirectUris: [callback],
      postLogoutRedirectUris: [signedOut],
      backchannelLogoutUri: receiver.uri('internal'),
    });
    const user = await t.management.createUser();
    const rp = await relyingParty(t.app, web);
    const browser = new Browser(t.app.baseUrl);
    const pending = await authorizationRequest(rp, { redirectUri: callback });
    const tokens = await redeem(rp, callbackFrom(await signIn(browser, pending.url, user), callback), pending);

    const response = await browser.fetch(client.buildEndSessionUrl(rp, { id_token_hint: tokens.id_token!, post_logout_redirect_uri: signedOut }));
    expect(response.headers.get('location')).toBe(signedOut);

    // The attempt ends in the server's log as refused; by then nothing may have reached the receiver.
    await waitFor('the refused back-channel delivery in the server log', async () =>
      /back-channel logout failed.*OutboundBlockedError/.test(t.app.logs()) ? true : undefined,
    );
    expect(receiver.count('internal')).toBe(0);
    const silent = await authorizationRequest(rp, { redirectUri: callback, prompt: 'none' });
    expect(callbackFrom(await browser.navigate(silent.url), callback).searchParams.get('error')).toBe('login_required');
  });
});
