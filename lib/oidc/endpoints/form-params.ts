import { InvalidRequest } from '../errors';

/**
 * Reads an application/x-www-form-urlencoded body (RFC 6749 §3.2). Parameters sent more
 * than once are an error except those the specs allow to repeat (`resource`, RFC 8707 §2).
 */
export async function readFormParams(request: Request, repeatable: string[] = ['resource']): Promise<URLSearchParams> {
  const type = request.headers.get('content-type') ?? '';
  if (!type.toLowerCase().startsWith('application/x-www-form-urlencoded')) {
    throw new InvalidRequest('the body must be application/x-www-form-urlencoded');
  }
  const params = new URLSearchParams(await request.text());
  assertNoDuplicates(params, repeatable);
  return params;
}

export function assertNoDuplicates(params: URLSearchParams, repeatable: string[] = ['resource']): void {
  const seen = new Set<string>();
  for (const key of params.keys()) {
    if (seen.has(key) && !repeatable.includes(key)) throw new InvalidRequest(`'${key}' must not be repeated`);
    seen.add(key);
  }
}

export const tokenResponse = (body: Record<string, unknown>) =>
  Response.json(body, { headers: { 'cache-control': 'no-store', pragma: 'no-cache' } });
