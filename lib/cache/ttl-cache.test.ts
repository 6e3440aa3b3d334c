import { describe, expect, it } from 'vitest';
import { sharedTtlCache, TtlCache } from './ttl-cache';

describe('sharedTtlCache', () => {
  it('hands every caller of one name the same cache, so an invalidation reaches all readers', async () => {
    const first = sharedTtlCache<number>('test-shared', 60_000);
    const second = sharedTtlCache<number>('test-shared', 60_000);
    expect(second).toBe(first);
    expect(await first.get('k', async () => 1)).toBe(1);
    expect(await second.get('k', async () => 2)).toBe(1);
    second.invalidate('k');
    expect(await first.get('k', async () => 3)).toBe(3);
    expect(sharedTtlCache<number>('test-other', 60_000)).not.toBe(first);
  });
});

describe('TtlCache', () => {
  it('shares one load between concurrent misses of a key', async () => {
    const cache = new TtlCache<number>(60_000);
    let loads = 0;
    const load = async () => ++loads;
    expect(await Promise.all([cache.get('k', load), cache.get('k', load)])).toEqual([1, 1]);
    expect(loads).toBe(1);
  });
});

describe('TtlCache invalidation', () => {
  it('does not let a load that was in flight during an invalidation store its stale value', async () => {
    const cache = new TtlCache<string>(60_000);
    let release!: (value: string) => void;
    const stale = cache.get('k', () => new Promise<string>((resolve) => (release = resolve)));
    cache.invalidate('k');
    release('before the write');
    expect(await stale).toBe('before the write');
    expect(await cache.get('k', async () => 'after the write')).toBe('after the write');
  });
});
