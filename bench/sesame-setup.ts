/**
 * Prepares a running Sesame for the load runs through its public APIs only: the
 * Management API (with the bootstrap admin) and the Experience API, as a script would.
 */
export const BENCH_ADMIN = { id: 'bench-admin', secret: 'bench-admin-secret-0123456789abcdef' };
export const BENCH_RESOURCE = 'https://bench.sesame/api';
const REDIRECT_URI = 'http://localhost/cb';
export const BENCH_PASSWORD = 'Bench-password-2026!';
/** As many as the sign-in load's connections. */
export const SIGN_IN_USERS = 10;

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`${what}: ${response.status} ${await response.text()}`);
  return response;
}

export type BenchSetup = {
  m2m: { id: string; secret: string };
  web: { id: string; secret: string };
  sessionCookie: string;
  authorizationPath: string;
  /** Users for the sign-in load, all with BENCH_PASSWORD. */
  signInUsers: string[];
};

export async function setUpSesame(baseUrl: string): Promise<BenchSetup> {
  const tokenResponse = await fetch(`${baseUrl}/oidc/token`, {
    method: 'POST',
    headers: { authorization: basic(BENCH_ADMIN.id, BENCH_ADMIN.secret), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: `${baseUrl}/api`, scope: 'all' }),
  });
  const { access_token: adminToken } = (await (await expectOk(tokenResponse, 'admin token')).json()) as { access_token: string };
  const api = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await expectOk(response, `${method} /api${path}`);
    return (response.status === 204 ? undefined : await response.json()) as T;
  };

  const resource = await api<{ id: string }>('POST', '/resources', { name: 'Bench API', indicator: BENCH_RESOURCE });
  const scope = await api<{ id: string }>('POST', `/resources/${resource.id}/scopes`, { name: 'read' });
  const role = await api<{ id: string }>('POST', '/roles', { name: 'bench-reader', type: 'MachineToMachine', scopeIds: [scope.id] });
  const m2m = await api<{ id: string; secret: string }>('POST', '/applications', { name: 'Bench M2M', type: 'MachineToMachine' });
  await api('POST', `/applications/${m2m.id}/roles`, { roleIds: [role.id] });
  const web = await api<{ id: string; secret: string }>('POST', '/applications', {
    name: 'Bench web app',
    type: 'Traditional',
    oidcClientMetadata: { redirectUris: [REDIRECT_URI], postLogoutRedirectUris: [] },
  });
  await api('POST', '/users', { username: 'bench_user', password: BENCH_PASSWORD });
  // The sign-in load uses one user per connection: no account sees concurrent sign-ins pile up.
  const signInUsers = Array.from({ length: SIGN_IN_USERS }, (_, index) => `bench_signer_${index}`);
  for (const username of signInUsers) await api('POST', '/users', { username, password: BENCH_PASSWORD });

  const authorizationPath = `/oidc/auth?${new URLSearchParams({ client_id: web.id, redirect_uri: REDIRECT_URI, response_type: 'code', scope: 'openid offline_access' })}`;
  const sessionCookie = await signIn(baseUrl, authorizationPath, 'bench_user', BENCH_PASSWORD);
  return { m2m, web, sessionCookie, authorizationPath, signInUsers };
}

/** One real sign-in through the Experience API; returns the session cookie. */
async function signIn(baseUrl: string, authorizationPath: string, username: string, password: string): Promise<string> {
  const { interactionCookie, redirectTo } = await experienceSignIn(baseUrl, authorizationPath, username, password);
  const resumed = await fetch(redirectTo, { headers: { cookie: interactionCookie }, redirect: 'manual' });
  const session = resumed.headers.getSetCookie().find((cookie) => cookie.includes('sesame_session='));
  if (!session) throw new Error(`sign-in did not create a session (${resumed.status})`);
  return session.split(';')[0]!;
}

/**
 * A password sign-in as an app's sign-in page makes it: /oidc/auth starts the interaction
 * (its cookie), then PUT /api/experience, the password verification, identification and
 * submit — same-origin requests, as the CSRF check wants. Returns where to resume.
 */
export async function experienceSignIn(baseUrl: string, authorizationPath: string, username: string, password: string) {
  const start = await fetch(`${baseUrl}${authorizationPath}`, { redirect: 'manual' });
  const interactionCookie = start.headers.getSetCookie().map((cookie) => cookie.split(';')[0]).join('; ');
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${baseUrl}/api/experience${path}`, {
      method,
      headers: { cookie: interactionCookie, 'content-type': 'application/json', origin: baseUrl },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    await expectOk(response, `${method} /api/experience${path}`);
    return response.status === 204 ? undefined : ((await response.json()) as Record<string, string>);
  };
  await call('PUT', '', { interactionEvent: 'SignIn' });
  const { verificationId } = (await call('POST', '/verification/password', { identifier: { type: 'username', value: username }, password }))!;
  await call('POST', '/identification', { verificationId });
  const { redirectTo } = (await call('POST', '/submit'))!;
  if (!redirectTo) throw new Error('submit returned no redirectTo');
  return { interactionCookie, redirectTo };
}

/** Fresh single-use authorization codes from the signed-in session (first-party: no consent step). */
export async function mintCodes(baseUrl: string, setup: BenchSetup, count: number): Promise<string[]> {
  const codes: string[] = [];
  const batch = 20;
  for (let i = 0; i < count; i += batch) {
    const responses = await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, () =>
        fetch(`${baseUrl}${setup.authorizationPath}`, { headers: { cookie: setup.sessionCookie }, redirect: 'manual' }),
      ),
    );
    for (const response of responses) {
      const code = new URL(response.headers.get('location') ?? '').searchParams.get('code');
      if (!code) throw new Error(`no code in ${response.headers.get('location')}`);
      codes.push(code);
    }
  }
  return codes;
}

export const benchRedirectUri = REDIRECT_URI;
export { basic };
