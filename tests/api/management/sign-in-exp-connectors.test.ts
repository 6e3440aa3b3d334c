import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

// A production-like install: no email or SMS connector, and no development mailbox to fall back on.
beforeAll(async () => {
  process.env.DEV_MAILBOX = '0';
  await startManagementApi();
});
afterAll(stopManagementApi);

const method = (identifier: string, password: boolean, verificationCode: boolean) => ({ identifier, password, verificationCode, isPasswordPrimary: password });

describe('PATCH /api/sign-in-exp without connectors', () => {
  it('refuses an email sign-up with sign_in_experiences.enabled_connector_not_found (Email)', async () => {
    const response = await call('PATCH', '/api/sign-in-exp', { body: { signUp: { identifiers: ['email'], password: true, verify: true } } });
    expectError(response, 400, 'sign_in_experiences.enabled_connector_not_found');
    expect(response.body.data).toEqual({ type: 'Email' });
  });

  it('refuses phone verification-code sign-in with sign_in_experiences.enabled_connector_not_found (Sms)', async () => {
    const response = await call('PATCH', '/api/sign-in-exp', {
      body: { signIn: { methods: [method('email', true, false), method('username', true, false), method('phone', false, true)] } },
    });
    expectError(response, 400, 'sign_in_experiences.enabled_connector_not_found');
    expect(response.body.data).toEqual({ type: 'Sms' });
  });

  it('refuses a password-reset method without its channel', async () => {
    const email = await call('PATCH', '/api/sign-in-exp', { body: { forgotPasswordMethods: ['EmailVerificationCode'] } });
    expectError(email, 400, 'sign_in_experiences.forgot_password_method_requires_connector');
    expect(email.body.data).toEqual({ method: 'email' });
    const phone = await call('PATCH', '/api/sign-in-exp', { body: { forgotPasswordMethods: ['PhoneVerificationCode'] } });
    expect(phone.body.data).toEqual({ method: 'sms' });
  });

  it('does not re-check parts the PATCH leaves alone', async () => {
    const response = await call('PATCH', '/api/sign-in-exp', { body: { agreeToTermsPolicy: 'Automatic' } });
    expect(response.status).toBe(200);
  });

  it('accepts a username-and-password-only configuration, and tells custom UIs that reset is unavailable', async () => {
    const response = await call('PATCH', '/api/sign-in-exp', {
      body: {
        signUp: { identifiers: ['username'], password: true, verify: false },
        signIn: { methods: [method('username', true, false)] },
        forgotPasswordMethods: [],
      },
    });
    expect(response.status).toBe(200);
    const { GET } = await import('@/app/api/.well-known/sign-in-exp/route');
    const document = await (await GET(new Request(`${APP_URL}/api/.well-known/sign-in-exp`), undefined)).json();
    expect(document.forgotPassword).toEqual({ email: false, phone: false });
    expect(document.signUp.identifiers).toEqual(['username']);
  });
});
