import type { Db } from '../db/db.js';

/**
 * A stale-while-revalidate cache of one value loaded from the database (a module's public read model).
 * Writers call `invalidate()` after commit. With `ttlMs = Infinity` (one process owns an embedded
 * database) the value lives until invalidated; with a TTL (several processes on PostgreSQL) a stale
 * value is served while one refresh runs in the background.
 */
export interface SwrCache<T> {
  get(db: Db): Promise<T>;
  invalidate(): void;
  configure(options: { ttlMs: number }): void;
}

export function createSwrCache<T>(load: (db: Db) => Promise<T>, options: { ttlMs?: number } = {}): SwrCache<T> {
  let ttlMs = options.ttlMs ?? 2000;
  let entry: { at: number; value: Promise<T>; refreshing: boolean } | null = null;
  return {
    get(db) {
      const now = Date.now();
      if (!entry) {
        const value = load(db);
        const created = { at: now, value, refreshing: false };
        entry = created;
        value.catch(() => {
          if (entry === created) entry = null;
        });
        return value;
      }
      if (now - entry.at > ttlMs && !entry.refreshing) {
        const stale = entry;
        stale.refreshing = true;
        load(db).then(
          (fresh) => {
            if (entry === stale) entry = { at: Date.now(), value: Promise.resolve(fresh), refreshing: false };
          },
          () => {
            stale.refreshing = false;
          },
        );
      }
      return entry.value;
    },
    invalidate() {
      entry = null;
    },
    configure(next) {
      ttlMs = next.ttlMs;
      entry = null;
    },
  };
}

/**
 * Per-version memo of derived answers (e.g. serialised JSON per query): keyed by the cached value's
 * identity, so a new version of the data drops every derived answer with it.
 */
export function createDerivedMemo<V extends object>(maxKeys = 200) {
  const memo = new WeakMap<V, Map<string, unknown>>();
  return function derived<R>(version: V, key: string, compute: () => R): R {
    let perVersion = memo.get(version);
    if (!perVersion) memo.set(version, (perVersion = new Map()));
    if (perVersion.has(key)) return perVersion.get(key) as R;
    const value = compute();
    if (perVersion.size < maxKeys) perVersion.set(key, value);
    return value;
  };
}
