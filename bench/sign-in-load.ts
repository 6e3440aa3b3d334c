import { hashPassword, verifyPassword } from '../lib/security/password';
import { ownCpuMs, processGroupCpuMs } from './cpu';
import { request } from './http-client';
import { BENCH_PASSWORD, experienceSignIn } from './sesame-setup';

export type RateResult = {
  name: string;
  perSecond: number;
  completed: number;
  errors: number;
  /** CPU ms per completion spent in this process (the load generator, or argon2id itself). */
  ownCpuMs: number;
  /** CPU ms per completion spent by the server's processes, when one is measured and /proc exists. */
  serverCpuMs?: number;
};

/** `concurrency` loops running `once` until `seconds` pass; completions per second, and the CPU each took. */
async function rate(name: string, concurrency: number, seconds: number, once: (worker: number) => Promise<void>, serverGroup?: number): Promise<RateResult> {
  const ownBefore = ownCpuMs();
  const serverBefore = serverGroup === undefined ? undefined : processGroupCpuMs(serverGroup);
  const deadline = performance.now() + seconds * 1000;
  let completed = 0;
  let errors = 0;
  let firstError: unknown;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async (_, worker) => {
      while (performance.now() < deadline) {
        try {
          await once(worker);
          completed++;
        } catch (error) {
          errors++;
          firstError ??= error;
        }
      }
    }),
  );
  if (completed === 0) throw new Error(`${name}: nothing completed`, { cause: firstError });
  const elapsed = (performance.now() - started) / 1000;
  const serverAfter = serverGroup === undefined ? undefined : processGroupCpuMs(serverGroup);
  const perCompletion = (ms: number) => Math.round((ms / completed) * 10) / 10;
  const result: RateResult = { name, perSecond: Math.round((completed / elapsed) * 10) / 10, completed, errors, ownCpuMs: perCompletion(ownCpuMs() - ownBefore) };
  if (serverBefore !== undefined && serverAfter !== undefined) result.serverCpuMs = perCompletion(serverAfter - serverBefore);
  return result;
}

/** How many loops run at once, for how long, and the server's process group to read CPU time off (optional). */
type LoadOptions = { concurrency: number; seconds: number; serverGroup?: number };

/**
 * Completed password sign-ins per second through the Experience API, each connection
 * signing in its own user with the right password (so the brute-force guard never locks).
 */
export function signInRate(baseUrl: string, authorizationPath: string, users: string[], options: LoadOptions) {
  return rate(
    'password sign-in (Experience API, 5 requests)',
    options.concurrency,
    options.seconds,
    async (worker) => {
      await experienceSignIn(baseUrl, authorizationPath, users[worker % users.length]!, BENCH_PASSWORD);
    },
    options.serverGroup,
  );
}

/**
 * The floor under the ratio: the same five round trips through the same client, each to the
 * constant liveness route. No Next.js app can serve a five-request sign-in faster than this on
 * this machine, so F / (F + A), with A the raw argon2id rate, is the best ratio any five-request
 * flow could reach here: the hash and the bare requests share the same cores.
 */
export function fiveConstantRequestsRate(baseUrl: string, options: LoadOptions) {
  return rate(
    'five constant requests (no work behind them)',
    options.concurrency,
    options.seconds,
    async () => {
      for (let step = 0; step < 5; step++) {
        const response = await request(`${baseUrl}/api/status/live`);
        if (response.status !== 200) throw new Error(`GET /api/status/live: ${response.status}`);
      }
    },
    options.serverGroup,
  );
}

/** The ceiling: argon2id verifications per second with the app's own parameters, at the same concurrency, in this process. */
export async function argon2Rate(options: { concurrency: number; seconds: number }) {
  const hash = await hashPassword(BENCH_PASSWORD);
  return rate('argon2id verify (raw, same parameters)', options.concurrency, options.seconds, async () => {
    if (!(await verifyPassword(hash, BENCH_PASSWORD))) throw new Error('argon2id did not verify its own hash');
  });
}
