import { startApp, type AppServer } from '../app-server';
import { bootstrapAdminEnv, ManagementApi } from './management';

export interface OidcTestApp {
  app: AppServer;
  management: ManagementApi;
  issuer: string;
}

/**
 * A production server with the bootstrap admin app, and a Management API client on it.
 * Each test file shares one (a fresh embedded database takes seconds to initialise).
 */
export async function startOidcApp(env: Record<string, string> = {}): Promise<OidcTestApp> {
  const app = await startApp({ env: { ...bootstrapAdminEnv, ...env } });
  try {
    return { app, management: await ManagementApi.connect(app), issuer: `${app.baseUrl}/oidc` };
  } catch (error) {
    await app.stop();
    throw error;
  }
}

/** Redirect URIs of pretend RPs: never dereferenced, only compared. */
export const rpUrl = (path: string) => `http://localhost:9/rp${path}`;
