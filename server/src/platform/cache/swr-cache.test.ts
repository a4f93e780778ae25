import { describe, expect, it } from 'vitest';
import type { Db } from '../db/db.js';
import { createSwrCache } from './swr-cache.js';

const db = {} as Db;
const settle = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('createSwrCache', () => {
  it('serves the cached value until invalidated when the TTL is infinite', async () => {
    let loads = 0;
    const cache = createSwrCache(async () => ++loads, { ttlMs: Number.POSITIVE_INFINITY });
    expect(await cache.get(db)).toBe(1);
    expect(await cache.get(db)).toBe(1);
    cache.invalidate();
    expect(await cache.get(db)).toBe(2);
  });

  it('peek answers without waiting once a load has settled, and starts the load when there is none', async () => {
    let loads = 0;
    const cache = createSwrCache(async () => ++loads, { ttlMs: 0 });
    expect(cache.peek(db)).toBeUndefined(); // starts the first load
    await settle();
    expect(loads).toBe(1);
    expect(cache.peek(db)).toBe(1); // stale (TTL 0): served, refresh started
    await settle();
    expect(cache.peek(db)).toBe(2);
    cache.invalidate();
    expect(cache.peek(db)).toBeUndefined();
  });

  it('after the TTL serves the stale value once and reloads in the background', async () => {
    let loads = 0;
    const cache = createSwrCache(async () => ++loads, { ttlMs: 0 });
    expect(await cache.get(db)).toBe(1);
    await settle();
    expect(await cache.get(db)).toBe(1); // stale, refresh started
    await settle();
    expect(await cache.get(db)).toBe(2);
  });

  it('keeps an expired value without reloading while the version is unchanged', async () => {
    let loads = 0;
    let version = 'a';
    const cache = createSwrCache(async () => ++loads, { ttlMs: 0, version: async () => version });
    expect(await cache.get(db)).toBe(1);
    for (let i = 0; i < 3; i++) {
      await settle();
      expect(await cache.get(db)).toBe(1);
    }
    version = 'b';
    await settle();
    await cache.get(db);
    await settle();
    expect(await cache.get(db)).toBe(2);
    expect(loads).toBe(2);
  });

  it('forgets a failed load so the next read tries again', async () => {
    let fail = true;
    const cache = createSwrCache(async () => {
      if (fail) throw new Error('database down');
      return 'ok';
    });
    await expect(cache.get(db)).rejects.toThrow('database down');
    fail = false;
    expect(await cache.get(db)).toBe('ok');
  });
});
