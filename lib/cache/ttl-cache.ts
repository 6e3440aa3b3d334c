/**
 * A small in-process cache for hot, rarely-changing records (clients, resources,
 * role scopes). Entries live `ttlMs`; writers on this instance call `invalidate`, other
 * instances converge within `ttlMs`. Concurrent misses for one key share one load.
 */
export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V; loadedAt: number }>();
  private readonly pending = new Map<string, Promise<V>>();
  /** Bumped by every invalidation: a load that started before it must not store its (stale) value. */
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const hit = this.entries.get(key);
    if (hit && Date.now() - hit.loadedAt < this.ttlMs) return hit.value;
    let promise = this.pending.get(key);
    if (!promise) {
      const startedIn = this.generation;
      const loading: Promise<V> = load()
        .then((value) => {
          if (startedIn === this.generation) {
            if (this.entries.size >= this.maxEntries) this.entries.clear();
            this.entries.set(key, { value, loadedAt: Date.now() });
          }
          return value;
        })
        .finally(() => {
          if (this.pending.get(key) === loading) this.pending.delete(key);
        });
      promise = loading;
      this.pending.set(key, promise);
    }
    return promise;
  }

  /** Forgets the key (or everything), including loads in flight, so the next read sees the write. */
  invalidate(key?: string): void {
    this.generation += 1;
    if (key === undefined) {
      this.entries.clear();
      this.pending.clear();
    } else {
      this.entries.delete(key);
      this.pending.delete(key);
    }
  }
}

const registry = Symbol.for('sesame.ttl-caches');
type CacheRegistry = Map<string, TtlCache<unknown>>;

/**
 * One cache per name for the whole process. Next bundles pages and route handlers into
 * separate module graphs, so a module-level cache would exist once per graph and a write
 * through the Management API (a route) would not invalidate what the pages read.
 */
export function sharedTtlCache<V>(name: string, ttlMs: number, maxEntries?: number): TtlCache<V> {
  const scope = globalThis as { [registry]?: CacheRegistry };
  const caches = (scope[registry] ??= new Map());
  let cache = caches.get(name);
  if (!cache) {
    cache = new TtlCache<unknown>(ttlMs, maxEntries);
    caches.set(name, cache);
  }
  return cache as TtlCache<V>;
}
