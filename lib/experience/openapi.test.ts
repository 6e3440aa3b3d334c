import '@/tests/support/experience-env';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/api/.well-known/experience.openapi.json/route';
import { AppError } from '@/lib/errors';
import { errorResponse } from '@/lib/http/handle-route';
import en from '@/messages/en.json';
import { INTERACTION_NOT_FOUND, publicExperience } from './interaction';
import { experienceOpenApiDocument, type JsonSchema, type Operation } from './openapi';
import { experienceRoutes } from './openapi-routes';
import type { Experience } from './state';

const experienceDir = path.resolve('app/api/experience');
const httpMethods = ['GET', 'HEAD', 'OPTIONS', 'POST', 'PUT', 'PATCH', 'DELETE'];
type Handler = (request: Request, context: unknown) => Promise<Response>;
type RouteOnDisk = { key: string; handler: Handler; source: string };

/** `verification/password/route.ts` → `/api/experience/verification/password`; groups dropped, `[id]` → `{id}`. */
function urlPathOf(file: string): string {
  const segments = path.dirname(file).split(path.sep).filter((segment) => segment !== '.' && !/^\(.*\)$/.test(segment));
  return ['/api/experience', ...segments.map((segment) => segment.replace(/^\[(.+)\]$/, '{$1}'))].join('/');
}

/** Every exported method of every route.ts under app/api/experience, as `METHOD /path`. */
async function routesOnDisk(): Promise<RouteOnDisk[]> {
  const files = readdirSync(experienceDir, { recursive: true, encoding: 'utf8' }).filter((file) => path.basename(file) === 'route.ts');
  const routes: RouteOnDisk[] = [];
  for (const file of files) {
    const routeModule = (await import(path.join(experienceDir, file))) as Record<string, unknown>;
    const source = readFileSync(path.join(experienceDir, file), 'utf8');
    for (const method of httpMethods.filter((name) => typeof routeModule[name] === 'function')) {
      routes.push({ key: `${method} ${urlPathOf(file)}`, handler: routeModule[method] as Handler, source });
    }
  }
  return routes.sort((a, b) => a.key.localeCompare(b.key));
}

const onDisk = await routesOnDisk();
const document = experienceOpenApiDocument();
const operations = Object.entries(document.paths).flatMap(([urlPath, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${urlPath}`, operation })),
);

const documented = (key: string) => operations.find((entry) => entry.key === key)?.operation;
const operationOf = (key: string): Operation => documented(key) ?? expect.unreachable(`${key} is not documented`);

/** A body each route's schema refuses: every documented body needs one here. */
const refusedBodies: Record<string, unknown> = {
  'PUT /api/experience': { interactionEvent: 'SignUp' },
  'PUT /api/experience/interaction-event': { interactionEvent: 'signIn' },
  'POST /api/experience/identification': { verificationId: '' },
  'POST /api/experience/profile': { type: 'email', value: 'ada@example.com' },
  'PUT /api/experience/profile/password': { password: '' },
  'POST /api/experience/verification/password': { identifier: { type: 'nickname', value: 'ada' }, password: 'secret' },
  'POST /api/experience/verification/verification-code': { identifier: { type: 'username', value: 'ada' }, interactionEvent: 'SignIn' },
  'POST /api/experience/verification/verification-code/verify': { identifier: { type: 'email', value: 'ada@example.com' }, verificationId: 'id' },
  'POST /api/experience/verification/new-password-identity': { identifier: { type: 'username', value: 'ada' } },
  'POST /api/experience/verification/one-time-token/verify': { identifier: { type: 'phone', value: '821012345678' }, token: 'token' },
};

/** Sends `body` to the real handler, without an interaction cookie: the answer's code says whether the body passed. */
async function answerTo({ key, handler }: RouteOnDisk, body: unknown): Promise<string> {
  const [method, urlPath] = key.split(' ');
  const request = new Request(`http://localhost:3998${urlPath}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return ((await (await handler(request, undefined)).json()) as { code: string }).code;
}

// No JSON Schema validator is installed (ajv here is eslint's draft-07 one): this checks the
// keywords zod emits for these schemas, and any other keyword fails the test instead of passing.
type Check = (argument: never, value: unknown, schema: JsonSchema) => boolean;
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const typeOf = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const keywordChecks: Record<string, Check> = {
  $ref: (ref: string, value) => accepts(resolve(ref), value),
  type: (type: string | string[], value) => [type].flat().some((name) => typeOf(value) === name || (name === 'integer' && Number.isInteger(value))),
  enum: (values: unknown[], value) => values.some((candidate) => isDeepStrictEqual(candidate, value)),
  const: (expected: unknown, value) => isDeepStrictEqual(expected, value),
  minLength: (min: number, value) => typeof value !== 'string' || [...value].length >= min,
  maxLength: (max: number, value) => typeof value !== 'string' || [...value].length <= max,
  required: (keys: string[], value) => !isObject(value) || keys.every((key) => key in value),
  properties: (properties: Record<string, JsonSchema>, value) =>
    !isObject(value) || Object.entries(properties).every(([key, schema]) => !(key in value) || accepts(schema, value[key])),
  additionalProperties: (extra: JsonSchema | boolean, value, schema) =>
    !isObject(value) || Object.keys(value).filter((key) => !(key in ((schema.properties as object | undefined) ?? {}))).every((key) => extra === true || (extra !== false && accepts(extra, value[key]))),
  propertyNames: (names: JsonSchema, value) => !isObject(value) || Object.keys(value).every((key) => accepts(names, key)),
  items: (items: JsonSchema, value) => !Array.isArray(value) || value.every((item) => accepts(items, item)),
  oneOf: (schemas: JsonSchema[], value) => schemas.filter((schema) => accepts(schema, value)).length === 1,
  anyOf: (schemas: JsonSchema[], value) => schemas.some((schema) => accepts(schema, value)),
  allOf: (schemas: JsonSchema[], value) => schemas.every((schema) => accepts(schema, value)),
  // Annotations: `format` only annotates in 2020-12 unless a vocabulary asks for assertion.
  description: () => true,
  format: () => true,
};

function accepts(schema: JsonSchema, value: unknown): boolean {
  return Object.entries(schema).every(([keyword, argument]) => {
    const check = keywordChecks[keyword] ?? expect.unreachable(`unsupported JSON Schema keyword ${keyword}`);
    return check(argument as never, value, schema);
  });
}

/** A local `$ref` (`#/components/schemas/Error`), resolved in the document. */
function resolve(ref: string): JsonSchema {
  expect(ref.startsWith('#/')).toBe(true);
  const target = ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, token) => (isObject(node) ? node[token.replaceAll('~1', '/').replaceAll('~0', '~')] : undefined), document);
  return isObject(target) ? target : expect.unreachable(`${ref} does not resolve`);
}

function* refsIn(node: unknown): Generator<string> {
  if (Array.isArray(node)) for (const item of node) yield* refsIn(item);
  if (!isObject(node)) return;
  if (typeof node.$ref === 'string') yield node.$ref;
  for (const value of Object.values(node)) yield* refsIn(value);
}

/** Every schema node under `schema` (itself included), for the keyword check. */
function* schemaNodes(schema: JsonSchema): Generator<JsonSchema> {
  yield schema;
  for (const [keyword, argument] of Object.entries(schema)) {
    if (keyword === 'properties') for (const child of Object.values(argument as Record<string, JsonSchema>)) yield* schemaNodes(child);
    if (['oneOf', 'anyOf', 'allOf'].includes(keyword)) for (const child of argument as JsonSchema[]) yield* schemaNodes(child);
    if (['items', 'additionalProperties', 'propertyNames'].includes(keyword) && isObject(argument)) yield* schemaNodes(argument);
  }
}

const jsonBodyOf = (operation: Operation) => operation.requestBody?.content['application/json'];
const componentSchema = (name: string) => resolve(`#/components/schemas/${name}`);

describe('the Experience API document', () => {
  it('documents every exported method of every route under app/api/experience, and nothing else', () => {
    expect(operations.map((entry) => entry.key).sort()).toEqual(onDisk.map((route) => route.key));
    expect(experienceRoutes.map((route) => `${route.method} ${route.path}`).sort()).toEqual(onDisk.map((route) => route.key));
  });

  // One method per route file today: these read the file's source.
  it('documents a body exactly where the handler reads one, and the same-origin errors where it checks them', () => {
    for (const { key, source } of onDisk) {
      const operation = operationOf(key);
      expect(operation.requestBody !== undefined, key).toBe(source.includes('readJson('));
      expect('415' in operation.responses, key).toBe(source.includes('assertSameOriginJson('));
    }
  });

  it.each(onDisk.filter((route) => documented(route.key)?.requestBody))('$key: the examples pass the handler and the document; a bad body neither', async (route) => {
    const body = jsonBodyOf(operationOf(route.key))!;
    const schema = experienceRoutes.find((entry) => `${entry.method} ${entry.path}` === route.key)!.body!.schema;
    expect(Object.keys(body.examples ?? {})).not.toHaveLength(0);
    for (const { value } of Object.values(body.examples ?? {})) {
      expect(schema.safeParse(value).success).toBe(true);
      // Past the body: only then does the handler look for the interaction.
      expect(await answerTo(route, value)).toBe(INTERACTION_NOT_FOUND);
      expect(accepts(body.schema, value)).toBe(true);
    }
    const refused = route.key in refusedBodies ? refusedBodies[route.key] : expect.unreachable(`add a refused body for ${route.key}`);
    expect(schema.safeParse(refused).success).toBe(false);
    expect(await answerTo(route, refused)).toBe('guard.invalid_input');
    expect(accepts(body.schema, refused)).toBe(false);
  });

  it('is OpenAPI 3.1 in shape: openapi, info, paths, unique operation ids, every $ref resolving', () => {
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info).toMatchObject({ title: expect.any(String), version: expect.any(String) });
    expect(Object.keys(document.paths).every((urlPath) => urlPath.startsWith('/'))).toBe(true);
    for (const { key, operation } of operations) expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)), key).toBe(true);
    expect(new Set(operations.map(({ operation }) => operation.operationId)).size).toBe(operations.length);
    const refs = [...refsIn(document)];
    expect(refs).toContain('#/components/schemas/Error');
    for (const ref of refs) expect(resolve(ref)).toBeTypeOf('object');
  });

  it('uses only JSON Schema keywords the check above knows', () => {
    const schemas = [
      ...Object.values(document.components.schemas),
      ...operations.flatMap(({ operation }) =>
        [operation.requestBody, ...Object.values(operation.responses)].flatMap((part) => (part?.content ? [part.content['application/json'].schema] : [])),
      ),
    ];
    for (const node of schemas.flatMap((schema) => [...schemaNodes(schema)])) {
      expect(Object.keys(node).filter((keyword) => !(keyword in keywordChecks))).toEqual([]);
    }
  });

  it('answers only with error codes that have a message in messages/en.json', () => {
    const codes = operations.flatMap(({ operation }) =>
      Object.values(operation.responses).flatMap((response) => {
        const narrowed = (response.content?.['application/json'].schema.allOf as JsonSchema[] | undefined)?.[1];
        return ((narrowed?.properties as { code: { enum: string[] } } | undefined)?.code.enum ?? []);
      }),
    );
    expect(codes.length).toBeGreaterThan(0);
    for (const code of new Set(codes)) {
      expect(code.split('.').reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), en.Errors), code).toBeTypeOf('string');
    }
  });

  it('describes the bodies the lib answers with: the interaction view and errors', async () => {
    const records = [
      { id: 'a', type: 'Password', identifier: { type: 'username', value: 'ada' }, verified: true, userId: 'u' },
      { id: 'b', type: 'EmailVerificationCode', identifier: { type: 'email', value: 'ada@example.com' }, purpose: 'SignIn', codeId: 'c', verified: false },
      { id: 'd', type: 'NewPasswordIdentity', identifier: { type: 'username', value: 'ada' }, passwordHash: '$argon2id$...' },
      { id: 'e', type: 'OneTimeToken', identifier: { type: 'email', value: 'ada@example.com' }, verified: true, context: {} },
    ] as const;
    const state = { interactionEvent: 'Register', verificationRecords: [...records], profile: { username: 'ada', passwordHash: '$argon2id$...' } } as const;
    expect(accepts(componentSchema('InteractionView'), publicExperience({ state } as unknown as Experience))).toBe(true);

    const request = new Request('http://localhost:3998/api/experience/submit', { method: 'POST' });
    const appError = new AppError('user.missing_profile', 422, 'More, please.', { missingProfile: ['email'] });
    const invalidInput = z.object({ a: z.string() }).safeParse({}).error;
    for (const error of [appError, invalidInput]) {
      expect(accepts(componentSchema('Error'), await errorResponse(error, request, 'request-id').json())).toBe(true);
    }
  });

  it('is served at /api/.well-known/experience.openapi.json, public and cacheable', async () => {
    const response = await getDocument(new Request('http://localhost:3998/api/.well-known/experience.openapi.json'), undefined);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(await response.json()).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
