/** One page of a list: what `LIMIT … OFFSET …` needs. */
export type PageSlice = { limit: number; offset: number };

/** A user-typed search term as a literal ILIKE pattern: `%` and `_` match only themselves. */
export function containsPattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
