import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'vitest';

declare global {
  interface ImportMeta {
    glob<T>(patterns: string | string[]): Record<string, () => Promise<T>>;
  }
}

export const APP_URL = 'http://localhost:3999';
export const MANAGEMENT_RESOURCE = `${APP_URL}/api`;
export const ADMIN = { clientId: 'test-admin', clientSecret: 'test-admin-secret-0123456789abcdef' };

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;
type RouteModule = Partial<Record<'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', Handler>>;

/** Every Management API route file, found on disk: a new route is covered by the auth sweep without editing a list. */
const routeFiles = import.meta.glob<RouteModule>([
  '/app/api/{applications,users,roles,resources,one-time-tokens,connectors,sentinel-activities,email-templates,hooks,custom-phrases,custom-profile-fields}/**/route.ts',
  '/app/api/{applications,users,roles,resources,one-time-tokens,connectors,email-templates,hooks,custom-phrases,custom-profile-fields}/route.ts',
  '/app/api/configs/**/route.ts',
  '/app/api/sign-in-exp/route.ts',
]);

/** `/app/api/users/[id]/route.ts` → `/api/users/[id]`. */
export const routePatterns = Object.keys(routeFiles).map((file) => file.replace(/^\/app/, '').replace(/\/route\.ts$/, ''));

function matchRoute(pathname: string): { pattern: string; params: Record<string, string> } {
  const segments = pathname.split('/').filter(Boolean);
  const candidates = routePatterns.flatMap((pattern) => {
    const parts = pattern.split('/').filter(Boolean);
    if (parts.length !== segments.length) return [];
    const params: Record<string, string> = {};
    for (const [index, part] of parts.entries()) {
      const dynamic = part.match(/^\[(\w+)\]$/);
      if (dynamic) params[dynamic[1]!] = decodeURIComponent(segments[index]!);
      else if (part !== segments[index]) return [];
    }
    return [{ pattern, params, literals: parts.filter((part) => !part.startsWith('[')).length }];
  });
  // As in Next: a literal segment wins over a dynamic one.
  const best = candidates.sort((a, b) => b.literals - a.literals)[0];
  if (!best) throw new Error(`no route file for ${pathname}`);
  return best;
}

export async function routeMethods(pattern: string): Promise<string[]> {
  const routeModule = await routeFiles[`/app${pattern}/route.ts`]!();
  return Object.keys(routeModule).filter((key) => ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'].includes(key));
}

export type ApiResponse<T = any> = { status: number; body: T; headers: Headers };

/**
 * Calls a route handler in-process with a real Request, as Next would: the handler is
 * found from the path by the same rules as the app router, params arrive as a Promise.
 * `token: null` sends no Authorization header; a string is sent as-is after `Bearer `.
 */
export async function call<T = any>(
  method: string,
  pathWithQuery: string,
  options: { body?: unknown; token?: string | null; rawBody?: string; authorization?: string } = {},
): Promise<ApiResponse<T>> {
  const url = new URL(pathWithQuery, APP_URL);
  const { pattern, params } = matchRoute(url.pathname);
  const routeModule = await routeFiles[`/app${pattern}/route.ts`]!();
  const handler = routeModule[method as keyof RouteModule];
  if (!handler) throw new Error(`${pattern} has no ${method} handler`);
  const headers = new Headers({ 'content-type': 'application/json' });
  const token = options.token === undefined ? adminToken : options.token;
  if (options.authorization) headers.set('authorization', options.authorization);
  else if (token !== null) headers.set('authorization', `Bearer ${token}`);
  const body = options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body));
  const response = await handler(new Request(url, { method, headers, body }), { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null, headers: response.headers };
}

/** Asserts an error answer: status and Logto-style code. */
export function expectError(response: ApiResponse, status: number, code: string): void {
  expect({ status: response.status, code: response.body?.code }).toEqual({ status, code });
}

/** POST /oidc/token with HTTP Basic client authentication (client_secret_basic). */
export async function tokenRequest(clientId: string, secret: string, form: Record<string, string>) {
  const { POST } = await import('@/app/oidc/token/route');
  const basic = Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString('base64');
  const response = await POST(
    new Request(`${APP_URL}/oidc/token`, {
      method: 'POST',
      headers: { authorization: `Basic ${basic}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form),
    }),
    {},
  );
  return { status: response.status, body: await response.json() };
}

export function requestClientToken(clientId: string, secret: string, params: { resource?: string; scope?: string } = {}) {
  const form: Record<string, string> = { grant_type: 'client_credentials', resource: params.resource ?? MANAGEMENT_RESOURCE };
  if (params.scope) form.scope = params.scope;
  return tokenRequest(clientId, secret, form);
}

export async function clientToken(clientId: string, secret: string, params: { resource?: string; scope?: string } = {}): Promise<string> {
  const { status, body } = await requestClientToken(clientId, secret, params);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.access_token;
}

let adminToken: string | undefined;
let dataDir: string | undefined;

/**
 * Starts the app in this test process on a fresh PGlite directory (migrations, seed and
 * the bootstrap admin app run as at a real start) and fetches the admin's token.
 * The environment is set before any app code reads it: env() parses once.
 */
export async function startManagementApi(): Promise<void> {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'sesame-management-'));
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    SESAME_SECRET: 'management-api-tests-secret-0123456789abcdefghij',
    APP_URL,
    BOOTSTRAP_ADMIN_CLIENT_ID: ADMIN.clientId,
    BOOTSTRAP_ADMIN_CLIENT_SECRET: ADMIN.clientSecret,
    ALLOW_PRIVATE_OUTBOUND: '1',
    LOG_LEVEL: 'error',
  });
  const { startServer } = await import('@/lib/system/start');
  await startServer();
  adminToken = await clientToken(ADMIN.clientId, ADMIN.clientSecret, { scope: 'all' });
}

export async function stopManagementApi(): Promise<void> {
  const { closeDb } = await import('@/db/client');
  await closeDb();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}

/** A machine-to-machine app holding `scopes` of `resource` through a fresh role; returns its credentials. */
export async function createMachineApp(grants?: { resourceId: string; scopeIds: string[] }) {
  const app = await call('POST', '/api/applications', { body: { name: `m2m ${Math.random()}`, type: 'MachineToMachine' } });
  expect(app.status).toBe(200);
  if (grants) {
    const role = await call('POST', '/api/roles', {
      body: { name: `role ${Math.random()}`, type: 'MachineToMachine', scopeIds: grants.scopeIds },
    });
    expect(role.status).toBe(200);
    expect((await call('POST', `/api/applications/${app.body.id}/roles`, { body: { roleIds: [role.body.id] } })).status).toBe(201);
  }
  return { id: app.body.id as string, secret: app.body.secret as string };
}
