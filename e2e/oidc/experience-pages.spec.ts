import { ManagementApi } from '../../tests/support/oidc/management';
import { startDemoRp, type DemoRp } from '../support/demo-rp';
import { expect, test } from '../support/fixtures';

/**
 * The sign-in experience pages are plain server-rendered forms: the only JavaScript that reaches
 * the browser is public/experience.js, a small enhancement (the issue's budget is 60 KB), and
 * their form posts take only our own pages' posts.
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

test('the sign-in page loads only its small enhancement script', async ({ page, baseURL }) => {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  await page.goto(`${rp.origin}/login`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sign in to Demo RP');
  await expect(page).toHaveTitle('Sign in · Sesame');
  expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
  expect(scripts).toEqual(['/experience.js']);
  const script = await page.request.get(`${baseURL}/experience.js`);
  expect((await script.body()).length).toBeLessThan(6144);
});

test('the script shows and hides the password, and a second press sends nothing more', async ({ page }) => {
  await page.goto(`${rp.origin}/login`);
  await page.getByLabel('Email or username').fill('someone');
  await page.getByRole('button', { name: 'Continue' }).click();
  const password = page.getByLabel('Password', { exact: true });
  await password.fill('typed secret');
  const toggle = page.getByRole('button', { name: 'Show password' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  await toggle.click();
  await expect(password).toHaveAttribute('type', 'text');
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(password).toHaveAttribute('type', 'password');

  // Two presses in a row: the script lets the first post go and cancels the second. (A listener
  // added after the script's records what the script decided, then keeps the page where it is.)
  const submit = page.getByRole('button', { name: 'Sign in', exact: true });
  const cancelled = await submit.evaluate((button: HTMLButtonElement) => {
    const seen: boolean[] = [];
    button.form!.addEventListener('submit', (event) => {
      seen.push(event.defaultPrevented);
      event.preventDefault();
    });
    button.click();
    button.click();
    return seen;
  });
  expect(cancelled).toEqual([false, true]);
  await expect(submit).toHaveAttribute('aria-disabled', 'true');
  // The pressed button shows its spinner (drawn by CSS while data-pending is set).
  await expect(submit).toHaveAttribute('data-pending', '');
  expect(await submit.evaluate((button) => getComputedStyle(button, '::before').borderTopStyle)).toBe('solid');
});

test('without JavaScript the show/hide toggle stays out of the way', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${rp.origin}/login`);
  await page.getByLabel('Email or username').fill('someone');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Show password' })).toBeHidden();
  await context.close();
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
