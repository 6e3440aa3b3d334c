/**
 * In-process route tests have no Next request scope, where `after()` throws. A test file
 * that reaches a route scheduling work after its response mocks `next/server`'s `after`
 * with `captureAfterResponse`, then runs the captured work with `runAfterResponse()`:
 *
 *   vi.mock('next/server', async (importOriginal) => ({
 *     ...(await importOriginal<typeof import('next/server')>()),
 *     after: (await import('./after-response')).captureAfterResponse,
 *   }));
 */
const scheduled: Array<() => unknown> = [];

export function captureAfterResponse(task: (() => unknown) | Promise<unknown>): void {
  scheduled.push(typeof task === 'function' ? task : () => task);
}

/** Runs (and forgets) what the routes scheduled after their responses, in order; how many ran. */
export async function runAfterResponse(): Promise<number> {
  const tasks = scheduled.splice(0);
  for (const task of tasks) await task();
  return tasks.length;
}
