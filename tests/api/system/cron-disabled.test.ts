import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';

// No CRON_SECRET: the route must not exist. It answers before any database is opened.
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sesame-cron-'));
Object.assign(process.env, { DATA_DIR: dataDir, CRON_SECRET: '', LOG_LEVEL: 'error' });
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

it('is 404 without CRON_SECRET, whatever the caller sends', async () => {
  const { GET } = await import('@/app/api/cron/cleanup/route');
  for (const authorization of [undefined, 'Bearer ', 'Bearer anything-at-all-0123456789']) {
    const response = await GET(new Request('http://localhost/api/cron/cleanup', { headers: authorization ? { authorization } : undefined }), {});
    expect([response.status, (await response.json()).code]).toEqual([404, 'route.not_found']);
  }
});
