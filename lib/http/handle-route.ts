import { randomUUID } from 'node:crypto';
import { unstable_rethrow } from 'next/navigation';
import { z } from 'zod';
import { AppError } from '@/lib/errors';
import { describeError, log } from './logger';

/** An error that already knows the exact Response it becomes (OAuth errors, redirects). */
export interface ResponseError {
  toResponse(requestId: string): Response;
}

function isResponseError(error: unknown): error is ResponseError {
  return typeof (error as ResponseError | null)?.toResponse === 'function';
}

type Handler<C> = (request: Request, context: C) => Promise<Response> | Response;

/**
 * The one wrapper every route handler goes through (STYLE.md conventions 1-2):
 * typed errors become their responses, validation errors become
 * `guard.invalid_input`, anything else is logged with a request id and answered
 * with a 500 that reveals nothing. Next's own control flow (redirect, notFound) is rethrown.
 */
export function handleRoute<C = unknown>(handler: Handler<C>): Handler<C> {
  return async (request, context) => {
    const requestId = request.headers.get('x-request-id') ?? randomUUID();
    try {
      const response = await handler(request, context);
      response.headers.set('x-request-id', requestId);
      return response;
    } catch (error) {
      unstable_rethrow(error);
      const response = errorResponse(error, request, requestId);
      response.headers.set('x-request-id', requestId);
      return response;
    }
  };
}

export function errorResponse(error: unknown, request: Request, requestId: string): Response {
  if (isResponseError(error)) return error.toResponse(requestId);
  if (error instanceof AppError) {
    if (error.status >= 500) log('error', 'request failed', { requestId, path: new URL(request.url).pathname, code: error.code });
    // RFC 9110 §10.2.3: say when to come back, for the send limits and the attempt lockout alike.
    const retryAfter = error.data?.retryAfterSeconds;
    const headers = typeof retryAfter === 'number' ? { ...noStore, 'retry-after': String(retryAfter) } : noStore;
    return Response.json(error.toBody(), { status: error.status, headers });
  }
  if (error instanceof z.ZodError) {
    const message = error.issues.map((issue) => `${issue.path.join('.') || 'body'}: ${issue.message}`).join('; ');
    return Response.json({ code: 'guard.invalid_input', message }, { status: 400, headers: noStore });
  }
  log('error', 'unhandled error', { requestId, method: request.method, path: new URL(request.url).pathname, ...describeError(error) });
  return Response.json(
    { code: 'internal_server_error', message: `Something went wrong on our side. Request id: ${requestId}` },
    { status: 500, headers: noStore },
  );
}

export const noStore = { 'cache-control': 'no-store' } as const;

/** Parses a JSON body with a schema; a malformed body is a 400, never a 500. */
export async function readJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  let body: unknown;
  try {
    body = await request.json();
  } catch {
    throw new AppError('guard.invalid_input', 400, 'The request body must be valid JSON.');
  }
  return schema.parse(body);
}
