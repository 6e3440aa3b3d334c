import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { startApp, type AppServer } from '../tests/support/app-server';
import { signInPageJsKb } from './first-load-js';
import { load, type LoadRequest, type LoadResult } from './load';
import { PEER_CLIENT, PEER_RESOURCE, startOidcProviderPeer } from './oidc-provider-peer';
import { argon2Rate, fiveConstantRequestsRate, signInRate, type RateResult } from './sign-in-load';
import { BENCH_ADMIN, BENCH_RESOURCE, basic, benchRedirectUri, mintCodes, setUpSesame, type BenchSetup } from './sesame-setup';

/**
 * `npm run bench`: Sesame's protocol endpoints under load on this machine, beside the
 * framework's own ceiling (the constant liveness route) and a minimal oidc-provider.
 * Prints requests/s, p99 latency and the ratios the goals are stated in; then the sign-in
 * experience: the sign-in page's first-load JavaScript as the running app serves it, and completed
 * password sign-ins per second against raw argon2id verifications per second.
 */
const form = { 'content-type': 'application/x-www-form-urlencoded' };
const CODES = 1500;
const WARM_UP_CODES = 500;
/** The sign-in load: as many connections as autocannon's runs, for as long. */
const SIGN_IN = { concurrency: 10, seconds: 5 };
const SIGN_IN_WARM_UP = { concurrency: 10, seconds: 2 };

async function main() {
  if (!existsSync(path.join(process.cwd(), '.next', 'BUILD_ID'))) throw new Error('Run `npx next build` first.');
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'sesame-bench-'));
  // BENCH_DATABASE_URL: measure on a PostgreSQL server (an empty database) instead of the embedded PGlite.
  const database: Record<string, string> = process.env.BENCH_DATABASE_URL ? { DATABASE_URL: process.env.BENCH_DATABASE_URL } : {};
  const env = { ...database, DATA_DIR: dataDir, BOOTSTRAP_ADMIN_CLIENT_ID: BENCH_ADMIN.id, BOOTSTRAP_ADMIN_CLIENT_SECRET: BENCH_ADMIN.secret, LOG_LEVEL: 'warn' };
  const results: Record<string, LoadResult> = {};
  const signIn: SignInResults = {};
  let app: AppServer | undefined = await startApp({ env: { ...env, ACCESS_TOKEN_SIGNING_ALG: 'ES256' } });
  try {
    const setup = await setUpSesame(app.baseUrl);
    const base = app.baseUrl;
    signIn.page = await signInPageJsKb(base, setup.authorizationPath);
    await warmUp(base, setup);
    results.live = await warmThenLoad('liveness (constant route)', base, { path: '/api/status/live' });
    results.discovery = await warmThenLoad('discovery', base, { path: '/oidc/.well-known/openid-configuration' });
    results.jwks = await warmThenLoad('jwks', base, { path: '/oidc/jwks' });
    results.ccEs = await warmThenLoad('client_credentials (ES256)', base, clientCredentials(setup));

    // Single-use inputs: a first batch of codes (and the refresh tokens they give) warms each path up.
    const warmUpRefreshTokens: string[] = [];
    await redeemCodes('warm-up', base, setup, await mintCodes(base, setup, WARM_UP_CODES), warmUpRefreshTokens);
    await refresh('warm-up', base, setup, warmUpRefreshTokens);
    const refreshTokens: string[] = [];
    results.code = await redeemCodes('authorization_code redemption', base, setup, await mintCodes(base, setup, CODES), refreshTokens);
    results.refresh = await refresh('refresh_token (rotating)', base, setup, refreshTokens);

    await signInRate(base, setup.authorizationPath, setup.signInUsers, SIGN_IN_WARM_UP);
    signIn.flow = await signInRate(base, setup.authorizationPath, setup.signInUsers, { ...SIGN_IN, serverGroup: app.pid });
    await fiveConstantRequestsRate(base, SIGN_IN_WARM_UP);
    signIn.floor = await fiveConstantRequestsRate(base, { ...SIGN_IN, serverGroup: app.pid });
    // The ceiling, measured while the server idles: the same hash work at the same concurrency.
    signIn.argon2 = await argon2Rate(SIGN_IN);

    await app.stop();
    app = await startApp({ env: { ...env, ACCESS_TOKEN_SIGNING_ALG: 'RS256' } });
    await warmUp(app.baseUrl, setup);
    // This server has served nothing else: its own liveness is the baseline for its row.
    results.liveRs = await warmThenLoad('liveness (the RS256 server)', app.baseUrl, { path: '/api/status/live' });
    results.ccRs = await warmThenLoad('client_credentials (RS256)', app.baseUrl, clientCredentials(setup));
    await app.stop();
    app = undefined;

    const peer = await startOidcProviderPeer();
    try {
      results.peerDiscovery = await warmThenLoad('oidc-provider discovery', peer.baseUrl, { path: '/.well-known/openid-configuration' });
      results.peerCc = await warmThenLoad('oidc-provider client_credentials (RS256)', peer.baseUrl, {
        method: 'POST',
        path: '/token',
        headers: { ...form, authorization: basic(PEER_CLIENT.client_id, PEER_CLIENT.client_secret) },
        body: new URLSearchParams({ grant_type: 'client_credentials', resource: PEER_RESOURCE, scope: 'read' }).toString(),
      });
    } finally {
      await peer.close();
    }
    report(results);
    reportSignIn(signIn);
  } finally {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

/**
 * Each row gets its own two-second run first: V8 optimizes a route's code only after many
 * calls, and a row measured cold reads low (liveness, measured first after a few fetches,
 * read ~25 % low, which flattered every ratio against it).
 */
async function warmThenLoad(name: string, baseUrl: string, request: LoadRequest): Promise<LoadResult> {
  await load(`${name} (warm-up)`, baseUrl, request, { seconds: 2 });
  return load(name, baseUrl, request);
}

/**
 * Spends each single-use input once at the web app's token endpoint, timed to the last response:
 * `grant` turns one input into the form's grant parameters.
 */
function spendOnce(name: string, baseUrl: string, setup: BenchSetup, inputs: string[], grant: (input: string) => Record<string, string>, onBody?: (body: string) => void) {
  const request: LoadRequest = {
    method: 'POST',
    path: '/oidc/token',
    headers: { ...form, authorization: basic(setup.web.id, setup.web.secret) },
    body: () => {
      const input = inputs.pop();
      return input ? new URLSearchParams(grant(input)).toString() : undefined;
    },
  };
  if (onBody) request.onBody = onBody;
  return load(name, baseUrl, request, { amount: inputs.length });
}

/** Redeems every code once; the refresh tokens go to `refreshTokens`. */
function redeemCodes(name: string, baseUrl: string, setup: BenchSetup, codes: string[], refreshTokens: string[]): Promise<LoadResult> {
  return spendOnce(name, baseUrl, setup, codes, (code) => ({ grant_type: 'authorization_code', code, redirect_uri: benchRedirectUri }), (body) => {
    const token = (JSON.parse(body) as { refresh_token?: string }).refresh_token;
    if (token) refreshTokens.push(token);
  });
}

/** Uses every refresh token once (each answer rotates it). */
function refresh(name: string, baseUrl: string, setup: BenchSetup, refreshTokens: string[]): Promise<LoadResult> {
  return spendOnce(name, baseUrl, setup, refreshTokens, (token) => ({ grant_type: 'refresh_token', refresh_token: token }));
}

function clientCredentials(setup: BenchSetup) {
  return {
    method: 'POST' as const,
    path: '/oidc/token',
    headers: { ...form, authorization: basic(setup.m2m.id, setup.m2m.secret) },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: BENCH_RESOURCE, scope: 'read' }).toString(),
  };
}

/** First hits compile routes and fill caches; they are not what is measured. */
async function warmUp(baseUrl: string, setup: BenchSetup) {
  const cc = clientCredentials(setup);
  for (let i = 0; i < 20; i++) {
    await fetch(`${baseUrl}/api/status/live`);
    await fetch(`${baseUrl}/oidc/.well-known/openid-configuration`);
    await fetch(`${baseUrl}/oidc/jwks`);
    await fetch(`${baseUrl}${cc.path}`, { method: 'POST', headers: cc.headers, body: cc.body });
  }
}

function report(results: Record<string, LoadResult>) {
  const live = results.live!.rps;
  // [row, goal, peer row, baseline row]: each ratio is against liveness on the same server.
  const goals: Array<[string, number, string?, string?]> = [
    ['discovery', 0.9, 'peerDiscovery'],
    ['jwks', 0.9],
    ['ccEs', 0.8, 'peerCc'],
    ['code', 0.3],
    ['refresh', 0.3],
    ['liveRs', 0],
    ['ccRs', 0.55, 'peerCc', 'liveRs'],
  ];
  const rows = [['endpoint', 'req/s', 'p99 ms', 'errors', '× liveness', 'goal', 'vs oidc-provider']];
  rows.push([results.live!.name, String(live), String(results.live!.p99), String(results.live!.errors + results.live!.non2xx), '1.00', '', '']);
  for (const [key, goal, peerKey, baselineKey] of goals) {
    const result = results[key]!;
    const ratio = result.rps / (baselineKey ? results[baselineKey]!.rps : live);
    if (goal === 0) {
      rows.push([result.name, String(result.rps), String(result.p99), String(result.errors + result.non2xx), '1.00', '', '']);
      continue;
    }
    const peer = peerKey ? results[peerKey] : undefined;
    rows.push([
      result.name,
      String(result.rps),
      String(result.p99),
      String(result.errors + result.non2xx),
      ratio.toFixed(2),
      `≥ ${goal} ${ratio >= goal ? 'met' : 'MISSED'}`,
      peer ? `${(result.rps / peer.rps).toFixed(2)} (${peer.rps} req/s)` : '',
    ]);
  }
  printTable(rows);
}

type SignInResults = { page?: { kb: number; files: number }; flow?: RateResult; floor?: RateResult; argon2?: RateResult };

/**
 * The sign-in experience: the page's first-load JavaScript, and password sign-ins against raw
 * argon2id — beside the best ratio five bare requests would leave room for (see
 * fiveConstantRequestsRate), and the CPU each completion took on the server and in the load
 * generator. The cores are shared, so the ratio is at most argon2id's CPU over the sign-in's
 * whole CPU: ≥ 0.8 leaves a quarter of argon2id's CPU for everything else.
 */
function reportSignIn(signIn: SignInResults) {
  const page = signIn.page!;
  const flow = signIn.flow!;
  const floor = signIn.floor!;
  const argon2 = signIn.argon2!;
  const ratio = flow.perSecond / argon2.perSecond;
  const ceiling = floor.perSecond / (floor.perSecond + argon2.perSecond);
  const ms = (value: number | undefined) => (value === undefined ? 'n/a' : `${value} ms`);
  console.log('');
  printTable([
    ['sign-in experience', 'value', 'errors', 'ratio', 'goal', 'CPU: server', 'CPU: load client'],
    [`sign-in page first-load JS (${page.files} scripts, gzip)`, `${page.kb} KB`, '', '', `≤ 60 KB ${page.kb <= 60 ? 'met' : 'MISSED'}`, '', ''],
    [`${argon2.name}, ${SIGN_IN.concurrency} concurrent`, `${argon2.perSecond}/s`, String(argon2.errors), '1.00', '', `${ms(argon2.ownCpuMs)} (in process)`, ''],
    [`${flow.name}, ${SIGN_IN.concurrency} concurrent`, `${flow.perSecond}/s`, String(flow.errors), `${ratio.toFixed(2)} × argon2id`, `≥ 0.8 ${ratio >= 0.8 ? 'met' : 'MISSED'}`, ms(flow.serverCpuMs), ms(flow.ownCpuMs)],
    [`${floor.name}, ${SIGN_IN.concurrency} concurrent`, `${floor.perSecond}/s`, String(floor.errors), `ceiling ${ceiling.toFixed(2)} × argon2id`, '', ms(floor.serverCpuMs), ms(floor.ownCpuMs)],
  ]);
  const budget = Math.round(argon2.ownCpuMs * 2.5) / 10;
  console.log(`CPU per completion. ≥ 0.8 × argon2id leaves ${budget} ms per sign-in besides argon2id's own ${argon2.ownCpuMs} ms, server and load client together.`);
}

function printTable(rows: string[][]) {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  for (const row of rows) console.log(row.map((cell, column) => cell.padEnd(widths[column]!)).join('  '));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
