import { ManagementApi } from '../../tests/support/oidc/management';
import { startDemoRp, type DemoRp } from '../support/demo-rp';
import { expect, test } from '../support/fixtures';

/**
 * The sign-in experience pages are plain server-rendered forms: no JavaScript at all reaches
 * the browser (the issue's budget is 60 KB), and their form posts take only our own pages' posts.
 */
let rp: DemoRp;

test.beforeAll(async ({ baseURL }) => {
  const management = await ManagementApi.connect({ baseUrl: baseURL! });
  rp = await startDemoRp();
  const application = await management.createApplication({ name: 'Demo RP', type: 'Traditional', redirectUris: [rp.redirectUri], postLogoutRedirectUris: [rp.postLogoutRedirectUri] });
  await rp.connect(baseURL!, application);
});

test.afterAll(async () => {
  await rp?.close();
});

test('the sign-in page loads no JavaScript', async ({ page, baseURL }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(request.url());
  });
  await page.goto(`${rp.origin}/login`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(await page.locator('script').count()).toBe(0);
  expect(scripts).toEqual([]);
});

test('a form post from another site is refused, and so is a body that is not a form', async ({ page, baseURL }) => {
  await page.goto(`${rp.origin}/login`);
  const signInUrl = page.url();
  const cookies = (await page.context().cookies(baseURL!)).map((cookie) => `${cookie.name}=${cookie.value}`).join('; ');
  const post = (headers: Record<string, string>, data: string) => page.request.post(signInUrl, { headers: { cookie: cookies, ...headers }, data, maxRedirects: 0 });

  const forged = await post({ origin: 'https://attacker.example', 'content-type': 'application/x-www-form-urlencoded' }, 'intent=identifier&identifier=someone');
  expect(forged.status()).toBe(403);
  expect(await forged.json()).toMatchObject({ code: 'request.cross_origin_forbidden' });

  const json = await post({ origin: new URL(baseURL!).origin, 'content-type': 'application/json' }, JSON.stringify({ intent: 'identifier' }));
  expect(json.status()).toBe(415);
  expect(await json.json()).toMatchObject({ code: 'request.unsupported_content_type' });

  // Our own page's post goes through: the identifier step answers with the password step.
  const own = await post({ origin: new URL(baseURL!).origin, 'content-type': 'application/x-www-form-urlencoded' }, 'intent=identifier&identifier=someone');
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain('name="password"');
});
