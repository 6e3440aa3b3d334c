import { z } from 'zod';
import { readEnv } from './env-schema';

export type { Env } from './env-schema';

/**
 * The validated environment. The only place in the app that reads process.env;
 * parsed once, on first use, and a bad value stops the process with its name.
 */
let cached: ReturnType<typeof readEnv> | undefined;

export function env() {
  if (!cached) {
    try {
      cached = readEnv(process.env);
    } catch (error) {
      if (error instanceof z.ZodError) {
        const lines = error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`);
        throw new Error(`Invalid environment configuration:\n${lines.join('\n')}`);
      }
      throw error;
    }
  }
  return cached;
}
