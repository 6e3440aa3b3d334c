/** A space-delimited scope parameter as a de-duplicated list (RFC 6749 §3.3). */
export function parseScope(value: string | null | undefined): string[] {
  return value ? [...new Set(value.split(' ').filter(Boolean))] : [];
}

export const formatScope = (scopes: Iterable<string>) => [...scopes].join(' ');
