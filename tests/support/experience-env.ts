import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Import this module first: it configures the process for an in-process test of the app
 * code (a fresh embedded database in a temp DATA_DIR) before any app module reads env().
 */
export const TEST_APP_URL = 'http://localhost:3998';

process.env.DATA_DIR = mkdtempSync(path.join(os.tmpdir(), 'sesame-experience-'));
process.env.SESAME_SECRET = 'experience-tests-secret-at-least-32-characters-long';
process.env.APP_URL = TEST_APP_URL;
delete process.env.DATABASE_URL;
