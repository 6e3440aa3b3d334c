import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOidcApp, rpUrl, type OidcTestApp } from '../../support/oidc/oidc-app';
import { authorizationRequest, relyingParty } from '../../support/oidc/relying-party';
import { Browser, callbackFrom, signIn } from '../../support/oidc/sign-in';
import { signInThroughPages } from '../experience/through-the-pages';
import { startSmsWebhookReceiver } from '../../support/messages/sms-receivers';
import { startSmtpCatcher, type SmtpCatcher } from '../../support/messages/smtp-catcher';
import { startWebhookReceiver } from '../../support/webhook-receiver';

/**
 * Webhooks (Logto's hooks) told of sign-ins, registrations and password resets by the running
 * server, after it answered the person: signed with the hook's key, carrying the user and the app.
 */
let t: OidcTestApp;
let receiver: Awaited<ReturnType<typeof startWebhookReceiver>>;
let hook: { id: string; signingKey: string };
let mail: SmtpCatcher;

beforeAll(async () => {
  [receiver, mail] = await Promise.all([startWebhookReceiver(), startSmtpCatcher()]);
  t = await startOidcApp();
  await t.management.call('POST', '/api/connectors', { connectorId: 'smtp', config: mail.connectorConfig() });
  hook = await t.management.call('POST', '/api/hooks', {
    name: 'CRM sync',
    events: ['PostSignIn', 'PostRegister', 'PostResetPassword'],
    config: { url: receiver.url, headers: { authorization: 'Bearer crm-token' } },
  });
  receiver.expectSigningKey(hook.signingKey);
});
afterAll(async () => {
  await t?.app.stop();
  await Promise.all([receiver?.stop(), mail?.close()]);
});

/** A browser on the sign-in page of a first-party app, ready for the Experience API. */
async function experienceBrowser(path: string): Promise<Browser> {
  const callback = rpUrl(path);
  const web = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
  const browser = new Browser(t.app.baseUrl);
  await browser.navigate((await authorizationRequest(await relyingParty(t.app, web), { redirectUri: callback })).url);
  return browser;
}

async function expectJson(browser: Browser, status: number, method: string, path: string, body?: unknown): Promise<Record<string, any>> {
  const response = await browser.json(method, `/api/experience${path}`, body);
  const text = await response.text();
  expect(response.status, `${method} ${path}: ${text}`).toBe(status);
  return text ? JSON.parse(text) : {};
}

describe('webhooks', () => {
  it('tells the hook of a sign-in: signed, with its own headers, the user and the app, never the password', async () => {
    const callback = rpUrl('/callback');
    const web = await t.management.createApplication({ name: 'Shop', type: 'Traditional', redirectUris: [callback] });
    const user = await t.management.createUser({ name: 'Ada Lovelace' });
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: callback });
    expect(callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), callback).searchParams.get('code')).toBeTruthy();

    const delivery = await receiver.waitFor('PostSignIn', user.id);
    expect(delivery.status).toBe(200);
    expect(delivery.headers.authorization).toBe('Bearer crm-token');
    expect(delivery.headers['user-agent']).toBe('Sesame');
    expect(delivery.body).toMatchObject({
      hookId: hook.id,
      event: 'PostSignIn',
      interactionEvent: 'SignIn',
      userId: user.id,
      user: { id: user.id, username: user.username, name: 'Ada Lovelace' },
      application: { id: web.id, name: 'Shop', type: 'Traditional' },
    });
    expect(new Date(delivery.body.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(delivery.rawBody).not.toMatch(/password/i);

    const logs = await t.management.call<Array<{ event: string; result: string; responseStatus: number }>>('GET', `/api/hooks/${hook.id}/recent-logs`);
    expect(logs[0]).toMatchObject({ event: 'PostSignIn', result: 'Success', responseStatus: 200 });
  });

  it('tells the hook of a sign-in through Sesame’s own pages too', async () => {
    const callbackUri = rpUrl('/callback-pages');
    const web = await t.management.createApplication({ type: 'Traditional', redirectUris: [callbackUri] });
    const sms = await startSmsWebhookReceiver();
    try {
      const user = await t.management.createUser();
      const world = { rp: await relyingParty(t.app, web), callbackUri, mail, sms, baseUrl: t.app.baseUrl };
      const { sub } = await signInThroughPages(world, { username: user.username, password: user.password }, 'username', 'password', 'en');
      expect(sub).toBe(user.id);
      expect((await receiver.waitFor('PostSignIn', user.id)).body).toMatchObject({ interactionEvent: 'SignIn', application: { id: web.id } });
    } finally {
      await sms.close();
    }
  });

  it('tells the hook of a registration through the Experience API', async () => {
    const browser = await experienceBrowser('/callback-register');
    await expectJson(browser, 204, 'PUT', '', { interactionEvent: 'Register' });
    const { verificationId } = await expectJson(browser, 200, 'POST', '/verification/new-password-identity', {
      identifier: { type: 'username', value: 'new_grace' },
      password: 'a long and unusual passphrase',
    });
    await expectJson(browser, 201, 'POST', '/identification', { verificationId });
    await expectJson(browser, 200, 'POST', '/submit');
    const delivery = await receiver.waitFor('PostRegister', 'new_grace');
    expect(delivery.body).toMatchObject({ event: 'PostRegister', interactionEvent: 'Register', user: { username: 'new_grace' } });
  });

  it('tells the hook of a password reset', async () => {
    const user = await t.management.createUser({ primaryEmail: 'resetter@example.com' });
    const browser = await experienceBrowser('/callback-reset');
    await expectJson(browser, 204, 'PUT', '', { interactionEvent: 'ForgotPassword' });
    const identifier = { type: 'email', value: 'resetter@example.com' };
    const since = new Date();
    const { verificationId } = await expectJson(browser, 200, 'POST', '/verification/verification-code', { identifier, interactionEvent: 'ForgotPassword' });
    const code = await mail.waitForCode('resetter@example.com', { since });
    await expectJson(browser, 200, 'POST', '/verification/verification-code/verify', { identifier, verificationId, code });
    await expectJson(browser, 204, 'POST', '/identification', { verificationId });
    await expectJson(browser, 204, 'PUT', '/profile/password', { password: 'a brand new passphrase' });
    await expectJson(browser, 204, 'POST', '/submit');
    expect((await receiver.waitFor('PostResetPassword', user.id)).body).toMatchObject({ interactionEvent: 'ForgotPassword', user: { primaryEmail: 'resetter@example.com' } });
  });

  it('a receiver that refuses is logged as an error, and the sign-in still succeeds', async () => {
    const callback = rpUrl('/callback-2');
    const web = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
    const user = await t.management.createUser();
    receiver.failNext(503);
    const rp = await relyingParty(t.app, web);
    const pending = await authorizationRequest(rp, { redirectUri: callback });
    expect(callbackFrom(await signIn(new Browser(t.app.baseUrl), pending.url, user), callback).searchParams.get('code')).toBeTruthy();
    expect((await receiver.waitFor('PostSignIn', user.id)).status).toBe(503);
    const logs = await t.management.call<Array<{ result: string; responseStatus: number }>>('GET', `/api/hooks/${hook.id}/recent-logs`);
    expect(logs[0]).toMatchObject({ result: 'Error', responseStatus: 503 });
  });

  it('a disabled hook, or one for other events, hears nothing', async () => {
    const quiet = await t.management.call<{ id: string }>('POST', '/api/hooks', { name: 'Resets only', events: ['PostResetPassword'], config: { url: `${receiver.url}/resets` } });
    await t.management.call('PATCH', `/api/hooks/${hook.id}`, { enabled: false });
    try {
      const callback = rpUrl('/callback-3');
      const web = await t.management.createApplication({ type: 'Traditional', redirectUris: [callback] });
      const user = await t.management.createUser();
      const rp = await relyingParty(t.app, web);
      const pending = await authorizationRequest(rp, { redirectUri: callback });
      await signIn(new Browser(t.app.baseUrl), pending.url, user);
      // The server answers first and delivers after: give it the time a delivery takes.
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(receiver.deliveries.filter((delivery) => delivery.body.userId === user.id)).toEqual([]);
    } finally {
      await t.management.call('PATCH', `/api/hooks/${hook.id}`, { enabled: true });
      await t.management.call('DELETE', `/api/hooks/${quiet.id}`);
    }
  });
});
