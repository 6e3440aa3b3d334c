import { describe, expect, it } from 'vitest';
import { readEnv } from './env-schema';

describe('readEnv: database driver choice', () => {
  it('uses the embedded PGlite when no DATABASE_URL is set', () => {
    expect(readEnv({}).databaseDriver).toBe('pglite');
  });

  it('treats an empty DATABASE_URL as unset', () => {
    expect(readEnv({ DATABASE_URL: '' }).databaseDriver).toBe('pglite');
  });

  it('uses node-postgres for a plain postgres:// URL', () => {
    expect(readEnv({ DATABASE_URL: 'postgres://sesame@db.internal:5432/sesame' }).databaseDriver).toBe('pg');
  });

  it('uses the Neon serverless driver for a neon.tech host', () => {
    expect(readEnv({ DATABASE_URL: 'postgresql://u:p@ep-cool-name-123.eu-central-1.aws.neon.tech/neondb' }).databaseDriver).toBe('neon');
  });

  it('lets DATABASE_DRIVER override the guess from the host', () => {
    expect(readEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test', DATABASE_DRIVER: 'neon' }).databaseDriver).toBe('neon');
  });

  it('refuses a URL that is not postgres://, naming the variable', () => {
    expect(() => readEnv({ DATABASE_URL: 'mysql://localhost/db' })).toThrow(/postgres:\/\//);
  });

  it('requires DATABASE_URL on Vercel, where the embedded database has no disk', () => {
    expect(() => readEnv({ VERCEL: '1' })).toThrow(/Neon connection string/);
  });
});

describe('readEnv: APP_URL', () => {
  it('defaults to localhost on the configured port', () => {
    expect(readEnv({ PORT: '4123' })).toMatchObject({ appUrl: 'http://localhost:4123', issuer: 'http://localhost:4123/oidc' });
  });

  it('drops trailing slashes so the issuer is stable', () => {
    expect(readEnv({ APP_URL: 'https://id.example.com/' }).issuer).toBe('https://id.example.com/oidc');
  });

  it('derives the production domain on a Vercel production deployment', () => {
    const env = readEnv({ VERCEL: '1', VERCEL_ENV: 'production', VERCEL_PROJECT_PRODUCTION_URL: 'id.example.com', VERCEL_URL: 'x.vercel.app', DATABASE_URL: 'postgres://h/db' });
    expect(env.appUrl).toBe('https://id.example.com');
  });

  it('uses the deployment URL on a Vercel preview', () => {
    const env = readEnv({ VERCEL: '1', VERCEL_ENV: 'preview', VERCEL_PROJECT_PRODUCTION_URL: 'id.example.com', VERCEL_URL: 'x.vercel.app', DATABASE_URL: 'postgres://h/db' });
    expect(env.appUrl).toBe('https://x.vercel.app');
  });
});
