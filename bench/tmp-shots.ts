// @ts-nocheck
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright';
import { startApp } from '../tests/support/app-server';
import { BENCH_ADMIN, setUpSesame } from './sesame-setup';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sesame-shots-'));
const app = await startApp({ env: { DATA_DIR: dataDir, BOOTSTRAP_ADMIN_CLIENT_ID: BENCH_ADMIN.id, BOOTSTRAP_ADMIN_CLIENT_SECRET: BENCH_ADMIN.secret, LOG_LEVEL: 'warn' } });
const base = app.baseUrl;
const setup = await setUpSesame(base);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium' });
for (const [scheme, width, locale] of [['light', 1280, 'en'], ['dark', 360, 'ko'], ['light', 360, 'en']]) {
  const page = await browser.newPage({ colorScheme: scheme, viewport: { width, height: 800 }, locale });
  const shot = async (name) => page.screenshot({ path: `/tmp/shots/${name}-${scheme}-${width}-${locale}.png`, fullPage: true });
  await page.goto(`${base}${setup.authorizationPath}`);
  await shot('1-sign-in');
  await page.getByRole('button').filter({ hasText: /Continue|계속|Sign in|로그인/ }).first().click();
  await shot('2-sign-in-empty-error');
  await page.locator('input[name=identifier]').fill('bench_user');
  await page.getByRole('button').filter({ hasText: /Continue|계속|Sign in|로그인/ }).first().click();
  await page.waitForLoadState();
  await shot('3-password-step');
  await page.locator('input[type=password]').first().fill('wrong');
  await page.getByRole('button').filter({ hasText: /Continue|계속|Sign in|로그인/ }).first().click();
  await page.waitForLoadState();
  await shot('4-password-wrong');
  await page.goto(`${base}${setup.authorizationPath}&first_screen=register`);
  await shot('5-register');
  await page.goto(`${base}${setup.authorizationPath}&first_screen=reset_password`);
  await shot('6-reset');
  await page.goto(`${base}/oidc/auth?client_id=nope&redirect_uri=x&response_type=code&scope=openid`);
  await shot('7-error');
  await page.close();
}
await browser.close();
await app.stop();
