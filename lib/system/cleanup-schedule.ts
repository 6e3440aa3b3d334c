import { getDb } from '@/db/client';
import { describeError, log } from '@/lib/http/logger';
import { deleteExpiredRows, type CleanupCounts } from './cleanup';

export const CLEANUP_INTERVAL_MS = 10 * 60 * 1000;

let running: Promise<CleanupCounts> | undefined;

/** One cleanup run; a run already in progress is joined, never doubled. */
export function runCleanup(now = new Date()): Promise<CleanupCounts> {
  running ??= (async () => {
    try {
      const counts = await deleteExpiredRows(await getDb(), now);
      const total = Object.values(counts).reduce((sum, count) => sum + count, 0);
      // `deleted`, not the table names, as the field: the logger redacts keys that look like tokens.
      log(total > 0 ? 'info' : 'debug', 'expired rows deleted', { deleted: counts });
      return counts;
    } finally {
      running = undefined;
    }
  })();
  return running;
}

let timer: NodeJS.Timeout | undefined;

/**
 * For long-running servers (`next start`, `next dev`): a cleanup every 10 minutes. The timer
 * is unref'd so it never keeps a process alive, and a failed run (database down) is logged
 * and tried again next time. Serverless deployments use the cron route instead.
 */
export function scheduleCleanup(): void {
  if (timer) return;
  timer = setInterval(() => {
    runCleanup().catch((error: unknown) => log('error', 'cleanup of expired rows failed', describeError(error)));
  }, CLEANUP_INTERVAL_MS);
  timer.unref();
}
