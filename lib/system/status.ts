import { checkDatabase, type DatabaseHealth } from '@/db/client';
import packageJson from '@/package.json';

export type SystemStatus = { status: 'ok' | 'unavailable'; version: string; database: DatabaseHealth };

export const appVersion: string = packageJson.version;

export async function systemStatus(): Promise<SystemStatus> {
  const database = await checkDatabase();
  return { status: database.ok ? 'ok' : 'unavailable', version: appVersion, database };
}
