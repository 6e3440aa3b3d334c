/**
 * Runs once when a server instance starts: open and migrate the database and run the
 * start-up tasks registered by lib/ (bootstrap admin client, signing keys), so the
 * first visitor does not pay for them. A failure is logged, not fatal: the same work is
 * retried on the first request, and /api/status reports why it failed.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { startServer } = await import('./lib/system/start');
  await startServer();
}
