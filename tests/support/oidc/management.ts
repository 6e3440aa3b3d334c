import { randomBytes } from 'node:crypto';
import type { AppServer } from '../app-server';

/**
 * The Management API as an operator's script uses it (Logto's contract, reference §4):
 * a client_credentials token of the bootstrap admin app for `${APP_URL}/api` with scope
 * `all`, then plain JSON calls. Every helper fails loudly with the server's answer.
 */

export const BOOTSTRAP_ADMIN = {
  clientId: 'bootstrap-admin',
  clientSecret: 'bootstrap-admin-secret-for-tests-0123456789',
} as const;

/** The env that gives a test server its bootstrap admin app. */
export const bootstrapAdminEnv = {
  BOOTSTRAP_ADMIN_CLIENT_ID: BOOTSTRAP_ADMIN.clientId,
  BOOTSTRAP_ADMIN_CLIENT_SECRET: BOOTSTRAP_ADMIN.clientSecret,
};

export const managementResource = (app: Pick<AppServer, 'baseUrl'>) => `${app.baseUrl}/api`;

const basic = (id: string, secret: string) =>
  `Basic ${Buffer.from(`${encodeURIComponent(id)}:${encodeURIComponent(secret)}`).toString('base64')}`;

/** A Management API access token from the bootstrap admin app (client_credentials, client_secret_basic). */
export async function adminToken(app: Pick<AppServer, 'baseUrl'>): Promise<string> {
  const response = await fetch(`${app.baseUrl}/oidc/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: basic(BOOTSTRAP_ADMIN.clientId, BOOTSTRAP_ADMIN.clientSecret),
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', resource: managementResource(app), scope: 'all' }),
  });
  const body = (await response.json()) as { access_token?: string };
  if (!response.ok || !body.access_token) throw new Error(`adminToken: ${response.status} ${JSON.stringify(body)}`);
  return body.access_token;
}

export type ApplicationType = 'Native' | 'SPA' | 'Traditional' | 'MachineToMachine';

export interface ApplicationInput {
  name?: string;
  type: ApplicationType;
  redirectUris?: string[];
  postLogoutRedirectUris?: string[];
  backchannelLogoutUri?: string;
  backchannelLogoutSessionRequired?: boolean;
  isThirdParty?: boolean;
  customClientMetadata?: Record<string, unknown>;
}

export interface CreatedApplication {
  id: string;
  /** Shown once, on creation; undefined for public clients (Native, SPA). */
  secret?: string;
  type: ApplicationType;
  redirectUris: string[];
  postLogoutRedirectUris: string[];
}

export interface UserInput {
  username?: string;
  password?: string;
  primaryEmail?: string;
  name?: string;
  profile?: Record<string, unknown>;
  customData?: Record<string, unknown>;
}

export type CreatedUser = { id: string; username: string; password: string; primaryEmail?: string; name?: string };

/** A short random suffix so names stay unique within one server's database. */
export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}`;

export class ManagementApi {
  private constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async connect(app: Pick<AppServer, 'baseUrl'>): Promise<ManagementApi> {
    return new ManagementApi(app.baseUrl, await adminToken(app));
  }

  /** One authorized call, whatever its answer: the status and the parsed JSON body (undefined when empty). */
  async request<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }

  /** One authorized call that must succeed; resolves the parsed JSON body (or undefined for an empty one). */
  async call<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.request<T>(method, path, body);
    if (response.status < 200 || response.status > 299) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async createApplication(input: ApplicationInput): Promise<CreatedApplication> {
    const redirectUris = input.redirectUris ?? [];
    const postLogoutRedirectUris = input.postLogoutRedirectUris ?? [];
    const created = await this.call<{ id: string; secret?: string }>('POST', '/api/applications', {
      name: input.name ?? unique(`${input.type.toLowerCase()}-app`),
      type: input.type,
      isThirdParty: input.isThirdParty ?? false,
      oidcClientMetadata: {
        redirectUris,
        postLogoutRedirectUris,
        ...(input.backchannelLogoutUri ? { backchannelLogoutUri: input.backchannelLogoutUri } : {}),
        ...(input.backchannelLogoutSessionRequired !== undefined
          ? { backchannelLogoutSessionRequired: input.backchannelLogoutSessionRequired }
          : {}),
      },
      ...(input.customClientMetadata ? { customClientMetadata: input.customClientMetadata } : {}),
    });
    const isPublic = input.type === 'SPA' || input.type === 'Native';
    if (!isPublic && !created.secret) throw new Error(`POST /api/applications returned no secret for a ${input.type} app`);
    return { id: created.id, secret: isPublic ? undefined : created.secret, type: input.type, redirectUris, postLogoutRedirectUris };
  }

  /** A user with a username and password (random unless given), ready to sign in. */
  async createUser(input: UserInput = {}): Promise<CreatedUser> {
    const username = input.username ?? unique('user').replace('-', '_');
    const password = input.password ?? `Pw-${randomBytes(9).toString('base64url')}`;
    const created = await this.call<{ id: string }>('POST', '/api/users', { ...input, username, password });
    return { id: created.id, username, password, primaryEmail: input.primaryEmail, name: input.name };
  }

  /** An API resource with the given scopes: `{ id, indicator, scopeIds }`. */
  async createResource(input: { indicator: string; name?: string; scopes: string[]; accessTokenTtl?: number }) {
    const resource = await this.call<{ id: string; indicator: string }>('POST', '/api/resources', {
      name: input.name ?? unique('resource'),
      indicator: input.indicator,
      ...(input.accessTokenTtl ? { accessTokenTtl: input.accessTokenTtl } : {}),
    });
    const scopeIds: Record<string, string> = {};
    for (const name of input.scopes) {
      const scope = await this.call<{ id: string }>('POST', `/api/resources/${resource.id}/scopes`, { name, description: `${name} access` });
      scopeIds[name] = scope.id;
    }
    return { id: resource.id, indicator: resource.indicator, scopeIds };
  }

  /** A role holding `scopeIds`, assigned to the given M2M apps or users. */
  async createRole(input: { type: 'User' | 'MachineToMachine'; scopeIds: string[]; applicationIds?: string[]; userIds?: string[] }) {
    const role = await this.call<{ id: string }>('POST', '/api/roles', {
      name: unique('role'),
      description: 'created by the OIDC test suite',
      type: input.type,
      scopeIds: input.scopeIds,
    });
    if (input.applicationIds?.length) await this.call('POST', `/api/roles/${role.id}/applications`, { applicationIds: input.applicationIds });
    if (input.userIds?.length) await this.call('POST', `/api/roles/${role.id}/users`, { userIds: input.userIds });
    return role;
  }
}
