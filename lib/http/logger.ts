import { env } from '@/lib/env';

/**
 * Structured one-line JSON logs. Callers pass identifiers and codes, never secrets,
 * tokens or codes (the fields below are scrubbed anyway as a second line of defence).
 */
const SCRUBBED = /pass(word)?|secret|token|code_verifier|^code$|authorization|cookie/i;

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

function threshold(): number {
  return ORDER[env().logLevel];
}

function scrub(fields: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, SCRUBBED.test(key) ? '[redacted]' : value]));
}

export function log(level: Level, message: string, fields: Record<string, unknown> = {}): void {
  if (ORDER[level] < threshold()) return;
  const line = JSON.stringify({ time: new Date().toISOString(), level, message, ...scrub(fields) });
  (level === 'error' || level === 'warn' ? console.error : console.log)(line);
}

/**
 * Drizzle puts a failed query's bound parameters in its error message ("params: …"):
 * password hashes, secret digests, emails. Logs keep the query, never the values.
 */
export function redactQueryParams(text: string): string {
  return text.replace(/params: [\s\S]*?(?=\n\s+at |$)/, 'params: [redacted]');
}

export function describeError(error: unknown): Record<string, unknown> {
  if (error instanceof Error) {
    return { error: error.name, detail: redactQueryParams(error.message), stack: error.stack && redactQueryParams(error.stack) };
  }
  return { error: redactQueryParams(String(error)) };
}
