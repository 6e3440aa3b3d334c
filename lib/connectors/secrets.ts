/** What an answer shows in place of a secret; sent back unchanged, it means "keep the stored value". */
export const SECRET_MASK = '********';

type Config = Record<string, unknown>;

function read(config: Config, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Config)[key] : undefined), config);
}

/** A deep copy with `path` set; parents must exist (a missing parent means nothing to replace). */
function withValue(config: Config, path: string, value: unknown): Config {
  const [head, ...rest] = path.split('.');
  if (!(head! in config)) return config;
  if (rest.length === 0) return { ...config, [head!]: value };
  const child = config[head!];
  if (!child || typeof child !== 'object') return config;
  return { ...config, [head!]: withValue(child as Config, rest.join('.'), value) };
}

/**
 * The config as the Management API shows it: every secret replaced by the mask, so a
 * leaked admin response or log never carries an SMTP password or API token.
 */
export function maskSecrets(config: Config, secretPaths: readonly string[]): Config {
  return secretPaths.reduce((masked, path) => (read(masked, path) === undefined ? masked : withValue(masked, path, SECRET_MASK)), config);
}

/**
 * A config sent back after a GET still holds masks: each is replaced by the stored secret.
 * A mask with no stored secret behind it is refused (it would become the password), and so
 * is a mask sent with a new destination (`destinationPaths`: host, endpoint, ...): a stored
 * secret only ever goes where it was configured to go, so changing the destination means
 * sending the secret again.
 */
export function restoreMaskedSecrets(
  incoming: Config,
  stored: Config | undefined,
  secretPaths: readonly string[],
  destinationPaths: readonly string[] = [],
): { config: Config } | { missing: string } | { moved: string } {
  let restored = incoming;
  for (const path of secretPaths) {
    if (read(incoming, path) !== SECRET_MASK) continue;
    const value = stored === undefined ? undefined : read(stored, path);
    if (value === undefined) return { missing: path };
    const moved = destinationPaths.find((destination) => JSON.stringify(read(incoming, destination)) !== JSON.stringify(read(stored!, destination)));
    if (moved !== undefined) return { moved: path };
    restored = withValue(restored, path, value);
  }
  return { config: restored };
}
