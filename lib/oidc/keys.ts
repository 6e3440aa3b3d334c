import { createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { createLocalJWKSet, type JSONWebKeySet } from 'jose';
import { getDb } from '@/db/client';
import { insertSigningKey, listPublishedSigningKeys, retireActiveSigningKeys } from '@/db/queries/signing-keys';
import { decryptAtRest, encryptAtRest } from '@/lib/security/crypto';
import { generateId } from '@/lib/security/ids';
import type { SigningAlg, SigningKeyMaterial } from './jwt';

const PURPOSE = 'signing-key';
/** How long an instance trusts its copy of the key set: a rotation elsewhere is seen within this time. */
const CACHE_TTL_MS = 60_000;
const SUPPORTED: SigningAlg[] = ['RS256', 'ES256'];

type KeySet = {
  loadedAt: number;
  signers: Map<SigningAlg, SigningKeyMaterial>;
  jwks: JSONWebKeySet;
  verifierKeys: ReturnType<typeof createLocalJWKSet>;
};

let cache: KeySet | undefined;
let loading: Promise<KeySet> | undefined;

function generate(alg: SigningAlg) {
  // The JWKs come from the generator itself: exporting the KeyObjects it returns can hang Node 20
  // for good (a garbage collection during the export runs the finished generator's destructor,
  // which waits for the lock the export holds; seen in the test suite).
  const jwk = { publicKeyEncoding: { format: 'jwk' }, privateKeyEncoding: { format: 'jwk' } } as const;
  const pair =
    alg === 'RS256'
      ? generateKeyPairSync('rsa', { modulusLength: 2048, ...jwk })
      : generateKeyPairSync('ec', { namedCurve: 'P-256', ...jwk });
  const kid = generateId(16);
  const publicJwk = { ...pair.publicKey, kid, alg, use: 'sig' };
  return { kid, alg, publicJwk, privateJwkEncrypted: encryptAtRest(JSON.stringify(pair.privateKey), `${PURPOSE}:${kid}`) };
}

async function load(): Promise<KeySet> {
  const db = await getDb();
  let rows = await listPublishedSigningKeys(db);
  const missing = SUPPORTED.filter((alg) => !rows.some((row) => row.alg === alg && !row.retiredAt));
  if (missing.length > 0) {
    // First run (or a new algorithm): generate. Two instances racing both insert a key;
    // both are published and the newest signs, so the race is harmless.
    for (const alg of missing) await insertSigningKey(db, generate(alg));
    rows = await listPublishedSigningKeys(db);
  }
  const signers = new Map<SigningAlg, SigningKeyMaterial>();
  for (const row of rows) {
    const alg = row.alg as SigningAlg;
    if (row.retiredAt || signers.has(alg)) continue; // rows are newest first
    const privateKey: KeyObject = createPrivateKey({
      key: JSON.parse(decryptAtRest(row.privateJwkEncrypted, `${PURPOSE}:${row.kid}`)),
      format: 'jwk',
    });
    signers.set(alg, { kid: row.kid, alg, privateKey });
  }
  const jwks = { keys: rows.map((row) => row.publicJwk) } as JSONWebKeySet;
  return { loadedAt: Date.now(), signers, jwks, verifierKeys: createLocalJWKSet(jwks) };
}

async function keySet(): Promise<KeySet> {
  if (cache && Date.now() - cache.loadedAt < CACHE_TTL_MS) return cache;
  loading ??= load()
    .then((loaded) => (cache = loaded))
    .finally(() => {
      loading = undefined;
    });
  if (cache) {
    // Serve the previous set while a refresh is under way; a failed refresh is retried next time.
    loading.catch(() => undefined);
    return cache;
  }
  return loading;
}

/**
 * Makes sure this instance holds a key set. Once it does, signing never waits on the
 * database again (a stale set is served while it refreshes), so call this before a
 * transaction that signs: on PGlite a first load inside it would deadlock.
 */
export async function loadSigningKeys(): Promise<void> {
  await keySet();
}

export async function signingKey(alg: SigningAlg): Promise<SigningKeyMaterial> {
  const key = (await keySet()).signers.get(alg);
  if (!key) throw new Error(`No active ${alg} signing key`);
  return key;
}

export async function publicJwks(): Promise<JSONWebKeySet> {
  return (await keySet()).jwks;
}

/** The key resolver for verifying our own JWTs (management API bearer tokens, id_token_hint). */
export async function verificationKeys() {
  const set = await keySet();
  return set.verifierKeys;
}

/**
 * Rotation: the current keys stop signing at once but stay in the JWKS for the grace
 * period, so tokens they signed keep verifying until they expire.
 */
export async function rotateSigningKeys(gracePeriodSeconds = 24 * 3600): Promise<JSONWebKeySet> {
  const db = await getDb();
  const now = new Date();
  await db.transaction(async (tx) => {
    await retireActiveSigningKeys(tx, now, new Date(now.getTime() + gracePeriodSeconds * 1000));
    for (const alg of SUPPORTED) await insertSigningKey(tx, generate(alg));
  });
  // Swap in the new set at once; never leave the cache empty, or a token request signing
  // inside its transaction at that moment would have to load it there (see loadSigningKeys).
  cache = await load();
  return cache.jwks;
}
