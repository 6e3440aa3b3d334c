import { z } from 'zod';

// Empty strings mean "unset" (STYLE.md convention 11): `FOO=` in a .env file must not count as a value.
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? undefined : value), schema.optional());

const flag = optional(z.enum(['0', '1', 'true', 'false'])).transform((value) => value === '1' || value === 'true');

const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

const schema = z.object({
  NODE_ENV: optional(z.enum(['development', 'production', 'test'])).default('development'),
  PORT: optional(z.coerce.number().int().min(1).max(65535)).default(3000),
  APP_URL: optional(url),
  DATABASE_URL: optional(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')),
  DATABASE_DRIVER: optional(z.enum(['pg', 'neon'])),
  DATA_DIR: optional(z.string()).default('.data'),
  NEON_WS_PROXY: optional(z.string()),
  SESAME_SECRET: optional(z.string()),
  MANAGEMENT_API_RESOURCE: optional(z.string()),
  BOOTSTRAP_ADMIN_CLIENT_ID: optional(z.string().min(1)),
  BOOTSTRAP_ADMIN_CLIENT_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  ALLOW_PRIVATE_OUTBOUND: flag,
  ACCESS_TOKEN_SIGNING_ALG: optional(z.enum(['ES256', 'RS256'])).default('ES256'),
  SESSION_TTL_SECONDS: optional(z.coerce.number().int().min(60)).default(14 * 24 * 3600),
  LOG_LEVEL: optional(z.enum(['debug', 'info', 'warn', 'error'])).default('info'),
  // libuv reads it itself; password hashing reads it to leave pool threads for other work.
  UV_THREADPOOL_SIZE: optional(z.coerce.number().int().min(1).max(1024)).default(4),
  SMTP_URL: optional(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')),
  EMAIL_FROM: optional(z.string().min(3)),
  DEV_MAILBOX: optional(z.enum(['0', '1', 'true', 'false'])),
  // Vercel sends it as `Authorization: Bearer …` to cron routes; without it /api/cron/* is 404.
  CRON_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  // Set by Vercel itself; used only to derive APP_URL when it is not given.
  VERCEL: flag,
  VERCEL_ENV: optional(z.string()),
  VERCEL_URL: optional(z.string()),
  VERCEL_PROJECT_PRODUCTION_URL: optional(z.string()),
});

export type Env = ReturnType<typeof readEnv>;

export function readEnv(source: Record<string, string | undefined>) {
  const raw = schema.parse(source);
  const appUrl = (raw.APP_URL ?? deriveAppUrl(raw)).replace(/\/+$/, '');
  const databaseDriver = raw.DATABASE_URL
    ? (raw.DATABASE_DRIVER ?? (isNeonUrl(raw.DATABASE_URL) ? 'neon' : 'pg'))
    : 'pglite';
  if (raw.VERCEL && databaseDriver === 'pglite') {
    throw new z.ZodError([
      {
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'is required on Vercel (the embedded database needs a writable disk): set it to your Neon connection string',
        input: undefined,
      },
    ]);
  }
  return {
    nodeEnv: raw.NODE_ENV,
    isProduction: raw.NODE_ENV === 'production',
    port: raw.PORT,
    appUrl,
    issuer: `${appUrl}/oidc`,
    managementApiResource: raw.MANAGEMENT_API_RESOURCE ?? `${appUrl}/api`,
    databaseUrl: raw.DATABASE_URL,
    databaseDriver: databaseDriver as 'pglite' | 'pg' | 'neon',
    dataDir: raw.DATA_DIR,
    neonWsProxy: raw.NEON_WS_PROXY,
    secret: raw.SESAME_SECRET,
    bootstrapAdmin:
      raw.BOOTSTRAP_ADMIN_CLIENT_ID && raw.BOOTSTRAP_ADMIN_CLIENT_SECRET
        ? { clientId: raw.BOOTSTRAP_ADMIN_CLIENT_ID, clientSecret: raw.BOOTSTRAP_ADMIN_CLIENT_SECRET }
        : undefined,
    allowPrivateOutbound: raw.ALLOW_PRIVATE_OUTBOUND,
    accessTokenSigningAlg: raw.ACCESS_TOKEN_SIGNING_ALG,
    sessionTtlSeconds: raw.SESSION_TTL_SECONDS,
    logLevel: raw.LOG_LEVEL,
    threadPoolSize: raw.UV_THREADPOOL_SIZE,
    smtp: raw.SMTP_URL ? { url: raw.SMTP_URL, from: raw.EMAIL_FROM ?? `Sesame <no-reply@${new URL(appUrl).hostname}>` } : undefined,
    cronSecret: raw.CRON_SECRET,
    /** Serverless: no long-lived process, so periodic work runs from Vercel Cron, not timers. */
    onVercel: raw.VERCEL,
    // The development mailbox stands in for unconfigured connectors; on by default outside production.
    devMailbox: raw.DEV_MAILBOX === undefined ? raw.NODE_ENV !== 'production' : raw.DEV_MAILBOX === '1' || raw.DEV_MAILBOX === 'true',
  };
}

function deriveAppUrl(raw: z.infer<typeof schema>): string {
  // Vercel: production deployments answer on the project's production domain, previews on their own URL.
  const vercelHost = raw.VERCEL_ENV === 'production' ? raw.VERCEL_PROJECT_PRODUCTION_URL : raw.VERCEL_URL;
  if (vercelHost) return `https://${vercelHost}`;
  return `http://localhost:${raw.PORT}`;
}

function isNeonUrl(databaseUrl: string): boolean {
  try {
    return new URL(databaseUrl).hostname.endsWith('.neon.tech');
  } catch {
    return false;
  }
}
