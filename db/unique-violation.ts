/**
 * The name of the unique constraint (or unique index) a failed statement violated, or
 * undefined for any other error. Drivers differ in how they wrap the server's error
 * (Drizzle puts it in `cause`), so the chain is walked; SQLSTATE 23505 is unique_violation.
 */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { code?: unknown; constraint?: unknown; message?: unknown; cause?: unknown };
    if (candidate.code === '23505') {
      if (typeof candidate.constraint === 'string') return candidate.constraint;
      const match = typeof candidate.message === 'string' ? candidate.message.match(/unique constraint "([^"]+)"/) : null;
      return match?.[1] ?? '';
    }
    current = candidate.cause;
  }
  return undefined;
}
