import { z } from 'zod';
import { TOO_MANY_ATTEMPTS } from '@/lib/security/attempt-guard';
import { INTERACTION_NOT_FOUND } from './interaction';
import { componentSchemas, experienceRoutes, type ComponentName, type ExperienceRoute } from './openapi-routes';

/*
 * GET /api/.well-known/experience.openapi.json (Logto serves the same file): the Experience
 * API as app/api/experience/** implements it. Request bodies are the zod schemas the handlers
 * read with `readJson`, turned into JSON Schema, so the document and the routes cannot disagree
 * on a body (but for `.trim()`, which JSON Schema cannot say: a blank value passes `minLength`
 * here and is refused by the route). openapi.test.ts walks the route files: a route cannot go
 * undocumented.
 */

/** The codes every route may answer besides its own, from the steps all handlers share. */
function errorsOf(route: ExperienceRoute): Record<string, number> {
  return {
    ...route.errors,
    // loadExperienceForRequest: no interaction cookie, an expired one, or no event started yet.
    [INTERACTION_NOT_FOUND]: 404,
    // assertSameOriginJson guards every route that changes the interaction, i.e. all but GET.
    ...(route.method === 'GET' ? {} : { 'request.cross_origin_forbidden': 403, 'request.unsupported_content_type': 415 }),
    // readJson: a body that is not JSON or does not fit the schema.
    ...(route.body ? { 'guard.invalid_input': 400 } : {}),
    internal_server_error: 500,
  };
}

/** handleRoute sends Retry-After with these (their `data.retryAfterSeconds`). */
const retryAfterCodes = new Set(['request.message_rate_limited', TOO_MANY_ATTEMPTS]);

export type JsonSchema = Record<string, unknown>;
type MediaType = { schema: JsonSchema; examples?: Record<string, { value: unknown }> };
type Content = { 'application/json': MediaType };
type OperationResponse = { description: string; headers?: Record<string, { description: string; schema: JsonSchema }>; content?: Content };
export type Operation = {
  operationId: string;
  summary: string;
  description: string;
  requestBody?: { required: true; content: Content };
  responses: Record<string, OperationResponse>;
};

/** JSON Schema 2020-12, OpenAPI 3.1's dialect; `$schema` goes, the document states the dialect once. */
function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output'): JsonSchema {
  // Throws on what JSON Schema cannot say (a transform, a refinement): better than a looser promise.
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io });
  return rest;
}

const componentRef = (name: ComponentName) => ({ $ref: `#/components/schemas/${name}` });

function successResponses(route: ExperienceRoute): Record<string, OperationResponse> {
  return Object.fromEntries(
    Object.entries(route.success).map(([status, { description, schema }]) => [
      status,
      { description, ...(schema ? { content: { 'application/json': { schema: componentRef(schema) } } } : {}) },
    ]),
  );
}

/** One response per status, its `code` narrowed to the codes the route answers with it. */
function errorResponses(errors: Record<string, number>): Record<string, OperationResponse> {
  const byStatus = new Map<number, string[]>();
  for (const [code, status] of Object.entries(errors)) byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  return Object.fromEntries(
    [...byStatus].map(([status, codes]) => [
      String(status),
      {
        description: codes.map((code) => `\`${code}\``).join(', '),
        ...(codes.some((code) => retryAfterCodes.has(code)) ? { headers: { 'Retry-After': { description: 'Seconds until a retry can succeed.', schema: { type: 'integer' } } } } : {}),
        content: { 'application/json': { schema: { allOf: [componentRef('Error'), { properties: { code: { enum: codes } } }] } } },
      },
    ]),
  );
}

function operationOf(route: ExperienceRoute): Operation {
  const { operationId, summary, description, body } = route;
  return {
    operationId,
    summary,
    description,
    ...(body
      ? {
          requestBody: {
            // Even `{}`: the handler parses the body as JSON.
            required: true,
            content: {
              'application/json': {
                schema: jsonSchemaOf(body.schema, 'input'),
                examples: Object.fromEntries(Object.entries(body.examples).map(([name, value]) => [name, { value }])),
              },
            },
          },
        }
      : {}),
    responses: { ...successResponses(route), ...errorResponses(errorsOf(route)) },
  };
}

function pathsOf(routes: readonly ExperienceRoute[]): Record<string, Record<string, Operation>> {
  const paths: Record<string, Record<string, Operation>> = {};
  for (const route of routes) (paths[route.path] ??= {})[route.method.toLowerCase()] = operationOf(route);
  return paths;
}

const documentDescription = `Logto's Experience API as Sesame serves it, for teams that build their own sign-in UI.

**An interaction first.** Every route works on the sign-in the browser started at \`/oidc/auth\`: that authorization request sets the HttpOnly interaction cookie (\`__Host-sesame_interaction\` on https, \`sesame_interaction\` on http), which the browser then sends along. Without it, or once it expired, routes answer 404 \`session.interaction_not_found\`.

**Same origin only.** Call the API from pages on Sesame's own origin (\`fetch\` sends the cookie there by default; no CORS is granted). Every PUT and POST refuses an \`Origin\` header other than Sesame's (403 \`request.cross_origin_forbidden\`) and a body sent as anything but \`application/json\` (415 \`request.unsupported_content_type\`); POST /submit sends no body and needs no content type.

**The flow.** PUT /api/experience with the event → a verification (password, code, new password identity, magic link) → POST /identification with its \`verificationId\` → POST /profile while 422 \`user.missing_profile\` names what is missing → POST /submit, then send the browser to \`redirectTo\`.

**Errors** are \`{ code, message, data? }\`: branch and localize on \`code\`. Every response carries an \`x-request-id\` header: quote it when reporting a 500, which the server logs under it.`;

function buildDocument() {
  return {
    openapi: '3.1.0',
    // The contract's version, not Sesame's: the routes and bodies are Logto's.
    info: { title: 'Sesame Experience API', version: '1.0.0', description: documentDescription },
    // Relative, so it resolves against this document's URL: the origin that served it, which is
    // the only one the API answers (same origin, above). The document then needs no env() and
    // is the same, and as cacheable, on every deployment.
    servers: [{ url: '/' }],
    security: [{ interactionCookie: [] }],
    paths: pathsOf(experienceRoutes),
    components: {
      schemas: Object.fromEntries(Object.entries(componentSchemas).map(([name, schema]) => [name, jsonSchemaOf(schema, 'output')])),
      securitySchemes: {
        interactionCookie: { type: 'apiKey', in: 'cookie', name: '__Host-sesame_interaction', description: 'Set by /oidc/auth; `sesame_interaction` on http.' },
      },
    },
  };
}

export type ExperienceOpenApiDocument = ReturnType<typeof buildDocument>;

let built: ExperienceOpenApiDocument | undefined;

/** The document, built on first use: it depends on nothing but the route table's schemas (./openapi-routes.ts). */
export function experienceOpenApiDocument(): ExperienceOpenApiDocument {
  built ??= buildDocument();
  return built;
}
