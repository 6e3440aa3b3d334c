import { randomBytes } from 'node:crypto';
import type { Page } from '@playwright/test';
import { ManagementApi } from '../../tests/support/oidc/management';
import { startSmsWebhookReceiver, type SmsWebhookReceiver } from '../../tests/support/messages/sms-receivers';
import { startSmtpCatcher, type SmtpCatcher } from '../../tests/support/messages/smtp-catcher';
import { startDemoRp, type DemoRp } from '../support/demo-rp';
import { expect, test } from '../support/fixtures';
import { throwError } from '../../tests/support/throw-error';

/**
 * What the sign-in experience journeys share: a demo app signing in through Sesame, the
 * Management API (bootstrap admin), a real SMTP server and an SMS webhook receiver wired in as
 * Sesame's connectors, and the sign-in experience configuration as it was, to put back.
 */
export type World = {
  management: ManagementApi;
  rp: DemoRp;
  mail: SmtpCatcher;
  sms: SmsWebhookReceiver;
  defaults: Record<string, unknown>;
  close(): Promise<void>;
};

export async function startWorld(baseUrl: string): Promise<World> {
  const management = await ManagementApi.connect({ baseUrl });
  const rp = await startDemoRp();
  const application = await management.createApplication({
    name: 'Demo RP',
    type: 'Traditional',
    redirectUris: [rp.redirectUri],
    postLogoutRedirectUris: [rp.postLogoutRedirectUri],
  });
  await rp.connect(baseUrl, application);
  const mail = await startSmtpCatcher();
  const sms = await startSmsWebhookReceiver();
  // Sesame keeps one email and one SMS connector: each journey file wires in its own and removes them when done.
  const connectors = [
    await management.call<{ id: string }>('POST', '/api/connectors', { connectorId: 'smtp', config: mail.connectorConfig('sesame@example.com') }),
    await management.call<{ id: string }>('POST', '/api/connectors', { connectorId: 'http-sms', config: sms.connectorConfig() }),
  ];
  const defaults = await management.call('GET', '/api/sign-in-exp');
  return {
    management,
    rp,
    mail,
    sms,
    defaults,
    close: async () => {
      for (const connector of connectors) await management.call('DELETE', `/api/connectors/${connector.id}`);
      await Promise.all([rp.close(), mail.close(), sms.close()]);
    },
  };
}

/**
 * Registers a journey file's hooks: a world for the file, the configuration put back after each
 * journey. The configuration is global to the server, so the journeys of a file run one after
 * another, and the files of e2e/experience one at a time (their own project in playwright.config.ts).
 * Returns the world, for use inside the journeys.
 */
export function journeyWorld(): () => World {
  let world: World | undefined;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async ({ baseURL }) => {
    world = await startWorld(baseURL!);
  });
  test.afterEach(async () => {
    if (world) await resetConfiguration(world);
  });
  test.afterAll(async () => {
    await world?.close();
  });
  return () => world ?? throwError('the world is made in beforeAll, before any journey runs');
}

let changed = false;

/** PATCH /api/sign-in-exp (top-level keys replace); the pages see it at once (one cache per process). */
export async function configure(world: World, patch: Record<string, unknown>): Promise<void> {
  await world.management.call('PATCH', '/api/sign-in-exp', patch);
  changed = true;
}

/** Puts back the whole configuration as it was (a GET document round-trips through PATCH), when a journey changed any of it. */
export async function resetConfiguration(world: World): Promise<void> {
  if (!changed) return;
  await configure(world, world.defaults);
  changed = false;
}

export const uniqueEmail = (prefix: string) => `${prefix}-${randomBytes(4).toString('hex')}@example.com`;
/** A Korean mobile number nobody else in the run has (digits only, as Sesame stores phones). */
export const uniquePhone = () => `8210${String(randomBytes(4).readUInt32BE() % 100_000_000).padStart(8, '0')}`;
export const strongPassword = () => `Pw-${randomBytes(9).toString('base64url')}`;

/** A user through the Management API, with whichever identifiers the journey needs. */
export async function createUser(world: World, fields: { username?: string; primaryEmail?: string; primaryPhone?: string; password?: string; name?: string }) {
  const created = await world.management.call<{ id: string }>('POST', '/api/users', fields);
  return { id: created.id, ...fields };
}

/** Starts at the demo app, which sends the browser to Sesame with `params` on the authorization request. */
export async function startAtApp(page: Page, world: World, params: Record<string, string> = {}) {
  const query = new URLSearchParams(params).toString();
  await page.goto(`${world.rp.origin}/login${query ? `?${query}` : ''}`);
}

export async function expectSignedIn(page: Page, who?: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(who ? `Signed in as ${who}` : /^Signed in as /);
}
