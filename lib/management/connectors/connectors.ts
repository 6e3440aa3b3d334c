import { getDb } from '@/db/client';
import { deleteConnectorRow, findConnectorRowById, insertConnectorRow, listConnectorRows, updateConnectorSealedConfig } from '@/db/queries/connectors';
import type { ConnectorRow } from '@/db/schema';
import { findConnectorFactory, type ConnectorFactory } from '@/lib/connectors/catalog';
import { invalidateConnectorCache } from '@/lib/connectors/registry';
import { maskSecrets, restoreMaskedSecrets } from '@/lib/connectors/secrets';
import { sealConnectorConfig, unsealConnector } from '@/lib/connectors/stored';
import { ConnectorError } from '@/lib/connectors/types';
import { AppError } from '@/lib/errors';
import { generateId } from '@/lib/security/ids';
import type { z } from 'zod';
import { epochMs } from '../dates';
import { found, withUniqueErrors } from '../errors';
import type { createConnectorBody, updateConnectorBody } from './schemas';

/**
 * A connector as the Management API shows it. Deviation from Logto: secrets in `config`
 * (SMTP password, API tokens, signing secrets) are masked, never echoed in clear.
 */
function connectorResponse(row: ConnectorRow) {
  const factory = loadFactory(row.connectorId);
  const stored = tryUnseal(row);
  return {
    id: row.id,
    connectorId: row.connectorId,
    type: factory.type,
    name: factory.name,
    description: factory.description,
    // null when the config cannot be opened (another SESAME_SECRET): PATCH a new one or delete.
    config: stored ? maskSecrets(stored.config, factory.secretPaths) : null,
    createdAt: epochMs(row.createdAt),
    updatedAt: epochMs(row.updatedAt),
  };
}

function tryUnseal(row: ConnectorRow) {
  try {
    return unsealConnector(row);
  } catch (error) {
    if (error instanceof ConnectorError) return undefined;
    throw error;
  }
}

export function loadFactory(connectorId: string): ConnectorFactory {
  const factory = findConnectorFactory(connectorId);
  if (!factory) throw new AppError('connector.not_found_with_connector_id', 422, `There is no connector \`${connectorId}\`.`, { connectorId });
  return factory;
}

/**
 * Checks a config against the implementation's schema; masks sent back (from a GET) are
 * replaced by the `stored` secrets first. Logto's `connector.invalid_config` (400).
 */
export function validatedConfig(factory: ConnectorFactory, incoming: Record<string, unknown>, stored?: Record<string, unknown>) {
  const restored = restoreMaskedSecrets(incoming, stored, factory.secretPaths, factory.destinationPaths);
  if ('missing' in restored) {
    throw new AppError('connector.invalid_config', 400, `\`${restored.missing}\` is a mask, but no secret is stored for it: send the value.`);
  }
  if ('moved' in restored) {
    throw new AppError('connector.invalid_config', 400, `\`${restored.moved}\` is a mask, but the destination changed: send the secret again with the new destination.`);
  }
  const parsed = factory.configSchema.safeParse(restored.config);
  if (!parsed.success) {
    const detail = parsed.error.issues.map((issue) => `${issue.path.join('.') || 'config'}: ${issue.message}`).join('; ');
    throw new AppError('connector.invalid_config', 400, `The connector's config is invalid. ${detail}`);
  }
  return parsed.data;
}

export async function listConnectors() {
  return (await listConnectorRows(await getDb())).map(connectorResponse);
}

/** The stored config of a configured connector of this implementation, to fill masks in a test request. */
export async function findStoredConfigOf(connectorId: string): Promise<Record<string, unknown> | undefined> {
  const row = (await listConnectorRows(await getDb())).find((candidate) => candidate.connectorId === connectorId);
  return row ? tryUnseal(row)?.config : undefined;
}

export async function loadConnector(id: string) {
  return connectorResponse(found(await findConnectorRowById(await getDb(), id), 'connector', id));
}

/** One Email and one SMS connector at most (the `connectors_type_key` index decides under races). */
export async function createConnector({ connectorId, config }: z.infer<typeof createConnectorBody>) {
  const factory = loadFactory(connectorId);
  const checked = validatedConfig(factory, config);
  const id = generateId();
  const row = await withUniqueErrors(
    async () => insertConnectorRow(await getDb(), { id, connectorId, type: factory.type, sealedConfig: sealConnectorConfig(id, checked) }),
    {
      connectors_type_key: () =>
        new AppError('connector.multiple_instances_not_supported', 422, `An ${factory.type} connector is already configured: update or delete it first.`, {
          type: factory.type,
        }),
    },
  );
  invalidateConnectorCache();
  return connectorResponse(row);
}

export async function updateConnector(id: string, { config }: z.infer<typeof updateConnectorBody>) {
  const db = await getDb();
  const row = found(await findConnectorRowById(db, id), 'connector', id);
  const checked = validatedConfig(loadFactory(row.connectorId), config, tryUnseal(row)?.config);
  const updated = found(await updateConnectorSealedConfig(db, id, sealConnectorConfig(id, checked)), 'connector', id);
  invalidateConnectorCache();
  return connectorResponse(updated);
}

export async function removeConnector(id: string): Promise<void> {
  found(await deleteConnectorRow(await getDb(), id), 'connector', id);
  invalidateConnectorCache();
}
