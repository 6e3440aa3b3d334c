import { rm } from 'node:fs/promises';
import { closeDb, getDb } from '@/db/client';
import { applications, users, type User } from '@/db/schema';
import { generateId } from '@/lib/security/ids';
import { hashPassword } from '@/lib/security/password';
import { interactionCookieName, startInteraction } from '@/lib/oidc/interaction';
import { TEST_APP_URL } from './experience-env';

/**
 * Rows and requests for in-process tests of the sign-in experience, on the real database
 * configured by ./experience-env (which the test file imports first).
 */
export async function createApplication(name = 'Demo App'): Promise<string> {
  const id = generateId();
  await (await getDb()).insert(applications).values({
    id,
    name,
    type: 'Traditional',
    oidcClientMetadata: { redirectUris: ['http://localhost:4000/callback'], postLogoutRedirectUris: [] },
  });
  return id;
}

export async function createUser(fields: Partial<User> & { password?: string } = {}): Promise<User> {
  const { password, ...rest } = fields;
  const [user] = await (await getDb())
    .insert(users)
    .values({ id: generateId(), passwordHash: password ? await hashPassword(password) : null, ...rest })
    .returning();
  return user!;
}

/** A browser that came through /oidc/auth: the `Cookie` header its interaction cookie makes. */
export async function startBrowserInteraction(applicationId: string, params: Record<string, string> = {}): Promise<string> {
  const { setCookie } = await startInteraction(await getDb(), { applicationId, params: { client_id: applicationId, ...params } });
  const pair = setCookie.split(';')[0]!;
  if (!pair.startsWith(`${interactionCookieName()}=`)) throw new Error(`Unexpected interaction cookie: ${setCookie}`);
  return pair;
}

/** A same-origin JSON request as the sign-in page's own scripts would send it. */
export function experienceRequest(
  method: string,
  path: string,
  options: { cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
): Request {
  const headers = new Headers({ origin: TEST_APP_URL, ...options.headers });
  if (options.cookie) headers.set('cookie', options.cookie);
  if (options.body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/json');
  const body = options.body === undefined ? undefined : typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
  return new Request(`${TEST_APP_URL}${path}`, { method, headers, body });
}

export async function closeTestDatabase(): Promise<void> {
  await closeDb();
  await rm(process.env.DATA_DIR!, { recursive: true, force: true });
}
