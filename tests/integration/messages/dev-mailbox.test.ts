import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, TEST_SECRET, type AppServer } from '../../support/app-server';

// The mailbox is seeded in this process, on the data directory the server then opens
// (PGlite has one opener at a time: the seed closes it before the server starts).
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sesame-mailbox-'));
Object.assign(process.env, { DATA_DIR: dataDir, SESAME_SECRET: TEST_SECRET, APP_URL: 'http://localhost:3996', LOG_LEVEL: 'error' });
delete process.env.DATABASE_URL;

let withMailbox: AppServer;
let withoutMailbox: AppServer;

beforeAll(async () => {
  const { getDb, closeDb } = await import('@/db/client');
  const { sendVerificationMessage } = await import('@/lib/messages/send');
  const db = await getDb();
  await sendVerificationMessage(db, { channel: 'email', to: 'ada@example.com', purpose: 'SignIn', locale: 'en', code: '482913', expiresInMinutes: 10 });
  await sendVerificationMessage(db, { channel: 'phone', to: '+821012345678', purpose: 'ForgotPassword', locale: 'ko', code: '607254' });
  await closeDb();
  [withMailbox, withoutMailbox] = await Promise.all([startApp({ env: { DATA_DIR: dataDir, DEV_MAILBOX: '1' } }), startApp()]);
});
afterAll(async () => {
  await Promise.all([withMailbox?.stop(), withoutMailbox?.stop()]);
});

describe('/dev/mailbox', () => {
  it('lists the latest messages with recipient, purpose, subject and the code, in English', async () => {
    const response = await fetch(`${withMailbox.baseUrl}/dev/mailbox`);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('Development mailbox');
    expect(html).toContain('ada@example.com');
    expect(html).toContain('Your Sesame sign-in code');
    expect(html).toMatch(/data-testid="dev-message-code"[^>]*>482913</);
    expect(html).toContain('+821012345678');
    expect(html).toMatch(/data-testid="dev-message-code"[^>]*>607254</);
    expect(html).toContain('Forgot password');
    // Newest first.
    expect(html.indexOf('607254')).toBeLessThan(html.indexOf('482913'));
  });

  it('speaks Korean under /ko', async () => {
    const html = await (await fetch(`${withMailbox.baseUrl}/ko/dev/mailbox`)).text();
    expect(html).toContain('개발용 메일함');
    expect(html).toContain('비밀번호 찾기');
    expect(html).toContain('482913');
  });

  it('does not exist when DEV_MAILBOX is off (production default)', async () => {
    expect((await fetch(`${withoutMailbox.baseUrl}/dev/mailbox`)).status).toBe(404);
    expect((await fetch(`${withoutMailbox.baseUrl}/ko/dev/mailbox`)).status).toBe(404);
  });
});
