import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_URL, call, expectError, startManagementApi, stopManagementApi } from '../../support/management';

beforeAll(startManagementApi);
afterAll(stopManagementApi);

const createApp = async (body: Record<string, unknown>) => (await call('POST', '/api/applications', { body: { name: 'Partner', type: 'Traditional', ...body } })).body as { id: string };
const put = (id: string, body: unknown) => call('PUT', `/api/applications/${id}/sign-in-experience`, { body });
const legal = { termsOfUseUrl: 'https://partner.example/terms', privacyPolicyUrl: '' };

async function publicDocument(appId?: string) {
  const { GET } = await import('@/app/api/.well-known/sign-in-exp/route');
  const query = appId ? `?appId=${encodeURIComponent(appId)}` : '';
  return (await GET(new Request(`${APP_URL}/api/.well-known/sign-in-exp${query}`), undefined)).json();
}

describe('PUT /api/applications/:id/sign-in-experience', () => {
  it('creates a third-party app’s look (201), then replaces it whole (200)', async () => {
    const { id } = await createApp({ isThirdParty: true });
    const created = await put(id, {
      ...legal,
      displayName: 'Partner Calendar',
      branding: { logoUrl: 'https://partner.example/logo.png', darkLogoUrl: 'https://partner.example/logo-dark.png' },
      color: { primaryColor: '#0a7d33', isDarkModeEnabled: false },
    });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      applicationId: id,
      color: { primaryColor: '#0a7d33', isDarkModeEnabled: false },
      branding: { logoUrl: 'https://partner.example/logo.png', darkLogoUrl: 'https://partner.example/logo-dark.png' },
      customCss: null,
      displayName: 'Partner Calendar',
      // '' is "none", as in Logto.
      termsOfUseUrl: 'https://partner.example/terms',
      privacyPolicyUrl: null,
    });
    expect((await call('GET', `/api/applications/${id}/sign-in-experience`)).body).toEqual(created.body);

    const replaced = await put(id, { termsOfUseUrl: null, privacyPolicyUrl: 'https://partner.example/privacy' });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toEqual({
      applicationId: id,
      color: {},
      branding: {},
      customCss: null,
      displayName: null,
      termsOfUseUrl: null,
      privacyPolicyUrl: 'https://partner.example/privacy',
    });
  });

  it('is for third-party apps only, as in Logto', async () => {
    const { id } = await createApp({});
    expectError(await put(id, legal), 400, 'application.third_party_application_only');
    expectError(await call('GET', `/api/applications/${id}/sign-in-experience`), 404, 'entity.not_exists_with_id');
  });

  it('answers 404 for an unknown app, and for an app that has no look of its own yet', async () => {
    expectError(await put('no-such-app', legal), 404, 'entity.not_exists_with_id');
    expectError(await call('GET', '/api/applications/no-such-app/sign-in-experience'), 404, 'entity.not_exists_with_id');
    const { id } = await createApp({ isThirdParty: true });
    const missing = await call('GET', `/api/applications/${id}/sign-in-experience`);
    expectError(missing, 404, 'entity.not_exists_with_id');
    expect(missing.body.message).toContain('application sign-in experience');
  });

  it('refuses what it cannot show, and stores nothing', async () => {
    const { id } = await createApp({ isThirdParty: true });
    for (const body of [
      { privacyPolicyUrl: null }, // termsOfUseUrl is required, as in Logto
      { ...legal, color: { primaryColor: 'green' } },
      { ...legal, branding: { logoUrl: 'javascript:alert(1)' } },
      { ...legal, branding: { banner: 'https://partner.example/banner.png' } },
      { ...legal, displayName: 'x'.repeat(257) },
      { ...legal, customCss: 'body { display: none }' },
      { ...legal, socialSignInConnectorTargets: [] },
    ]) {
      expectError(await put(id, body), 400, 'guard.invalid_input');
    }
    expectError(await call('GET', `/api/applications/${id}/sign-in-experience`), 404, 'entity.not_exists_with_id');
  });

  it('goes with its app', async () => {
    const { id } = await createApp({ isThirdParty: true });
    expect((await put(id, legal)).status).toBe(201);
    expect((await call('DELETE', `/api/applications/${id}`)).status).toBe(204);
    const again = await createApp({ isThirdParty: true });
    expectError(await call('GET', `/api/applications/${again.id}/sign-in-experience`), 404, 'entity.not_exists_with_id');
  });
});

describe('GET /api/.well-known/sign-in-exp?appId=', () => {
  it('shows the app’s logo, colour and terms links over the operator’s, and leaves its rules alone', async () => {
    await call('PATCH', '/api/sign-in-exp', {
      body: { termsOfUseUrl: 'https://op.example/terms', privacyPolicyUrl: 'https://op.example/privacy', branding: { logoUrl: 'https://op.example/logo.png', darkLogoUrl: null } },
    });
    const { id } = await createApp({ isThirdParty: true });
    await put(id, { ...legal, branding: { logoUrl: 'https://partner.example/logo.png' }, color: { primaryColor: '#0a7d33' } });
    // The client cache saw the write: the public document shows it at once.
    const operator = await publicDocument();
    const forApp = await publicDocument(id);
    expect(forApp).toEqual({
      ...operator,
      branding: { ...operator.branding, logoUrl: 'https://partner.example/logo.png', darkLogoUrl: null },
      color: { primaryColor: '#0a7d33', isDarkModeEnabled: operator.color.isDarkModeEnabled, darkPrimaryColor: '#0a7d33' },
      termsOfUseUrl: 'https://partner.example/terms',
      privacyPolicyUrl: 'https://op.example/privacy',
    });
    expect(await publicDocument('no-such-app')).toEqual(operator);
  });
});
