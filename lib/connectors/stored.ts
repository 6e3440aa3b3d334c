import type { Executor } from '@/db/client';
import { findConnectorRowByType } from '@/db/queries/connectors';
import type { ConnectorRow } from '@/db/schema';
import { decryptAtRest, encryptAtRest } from '@/lib/security/crypto';
import { findConnectorFactory, type ConnectorFactory, type ConnectorType } from './catalog';
import { ConnectorError } from './types';

/** A row of `connectors` with its config unsealed and checked against its factory's schema. */
export type StoredConnector = { row: ConnectorRow; factory: ConnectorFactory; config: Record<string, unknown> };

/** The row id is bound into the seal, so a sealed config copied onto another row does not open. */
const sealPurpose = (rowId: string) => `connectors.config:${rowId}`;

export function sealConnectorConfig(rowId: string, config: Record<string, unknown>): string {
  return encryptAtRest(JSON.stringify(config), sealPurpose(rowId));
}

export function unsealConnector(row: ConnectorRow): StoredConnector {
  const factory = findConnectorFactory(row.connectorId);
  if (!factory) throw new ConnectorError('connector.invalid_config', `Unknown connector implementation ${row.connectorId}.`);
  let raw: unknown;
  try {
    raw = JSON.parse(decryptAtRest(row.sealedConfig, sealPurpose(row.id)));
  } catch (error) {
    // A different SESAME_SECRET than the one that sealed it: say so, without the config.
    throw new ConnectorError('connector.invalid_config', `The config of connector ${row.id} cannot be decrypted with this installation secret.`, { cause: error });
  }
  const parsed = factory.configSchema.safeParse(raw);
  if (!parsed.success) throw new ConnectorError('connector.invalid_config', `The stored config of connector ${row.id} is no longer valid.`);
  return { row, factory, config: parsed.data };
}

export async function findStoredConnector(db: Executor, type: ConnectorType): Promise<StoredConnector | undefined> {
  const row = await findConnectorRowByType(db, type);
  return row ? unsealConnector(row) : undefined;
}
