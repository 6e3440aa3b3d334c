import type { z } from 'zod';
import { AppError } from '@/lib/errors';
import { handleRoute, noStore } from '@/lib/http/handle-route';
import { requireManagementAccess } from '@/lib/oidc/management-auth';
import type { Paged } from './pagination';

/**
 * A Management API route: the bearer token is checked before anything else, so an
 * unauthenticated caller learns nothing — not even whether an id exists or a body is valid.
 */
export function managementRoute<C = unknown>(handler: (request: Request, context: C) => Promise<Response>) {
  return handleRoute<C>(async (request, context) => {
    await requireManagementAccess(request);
    return handler(request, context);
  });
}

/** Query parameters through a schema (a bad value is `guard.invalid_input`, 400). */
export function readQuery<T extends z.ZodType>(request: Request, schema: T): z.infer<T> {
  return schema.parse(Object.fromEntries(new URL(request.url).searchParams));
}

/** For routes whose body is optional: an empty body reads as `{}`. */
export async function readOptionalJson<T extends z.ZodType>(request: Request, schema: T): Promise<z.infer<T>> {
  const text = await request.text();
  if (!text.trim()) return schema.parse({});
  try {
    return schema.parse(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) throw new AppError('guard.invalid_input', 400, 'The request body must be valid JSON.');
    throw error;
  }
}

export function json(body: unknown, status = 200): Response {
  return Response.json(body, { status, headers: noStore });
}

/** A page of a list; the total goes in `Total-Number`, as Logto does. */
export function pagedJson({ items, total }: Paged<unknown>): Response {
  return Response.json(items, { headers: { ...noStore, 'Total-Number': String(total) } });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: noStore });
}

/** 201 without a body (Logto's answer to role assignments). */
export function created(): Response {
  return new Response(null, { status: 201, headers: noStore });
}
