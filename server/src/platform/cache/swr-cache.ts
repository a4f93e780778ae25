import type { Db } from '../db/db.js';

/**
 * A stale-while-revalidate cache of one value loaded from the database (a module's public read model).
 * Writers call `invalidate()` after commit. With `ttlMs = Infinity` (one process owns an embedded
 * database) the value lives until invalidated; with a TTL (several processes on PostgreSQL) a stale
 * value is served while one refresh runs in the background.
 */
export interface SwrCache<T> {
  get(db: Db): Promise<T>;
  /** The loaded value without waiting (and the same revalidation as `get`), or undefined before the first load settles. */
  peek(db: Db): T | undefined;
  invalidate(): void;
  configure(options: { ttlMs: number }): void;
}

export interface SwrOptions {
  ttlMs?: number;
  /**
   * A cheap fingerprint of the data (row counts, latest update times). When it has not changed since
   * the value was loaded, an expired value is kept instead of reloaded: one small query instead of many.
   */
  version?: (db: Db) => Promise<string>;
}

export function createSwrCache<T>(load: (db: Db) => Promise<T>, options: SwrOptions = {}): SwrCache<T> {
  let ttlMs = options.ttlMs ?? 2000;
  const version = options.version ?? (async () => '');
  interface Entry {
    at: number;
    value: Promise<T>;
    /** The value once the promise has settled, for `peek`. */
    settled?: T;
    refreshing: boolean;
    version: Promise<string>;
  }
  let entry: Entry | null = null;
  const loadWithVersion = (db: Db) => {
    // The version is read before the data, so a write in between makes the next check reload.
    const seen = options.version ? version(db) : Promise.resolve(String(Math.random()));
    return { version: seen, value: seen.then(() => load(db)) };
  };
  return {
    get(db) {
      const now = Date.now();
      if (!entry) {
        const loaded = loadWithVersion(db);
        const created: Entry = { at: now, value: loaded.value, refreshing: false, version: loaded.version };
        entry = created;
        loaded.value.then(
          (value) => {
            created.settled = value;
          },
          () => {
            if (entry === created) entry = null;
          },
        );
        return loaded.value;
      }
      if (now - entry.at > ttlMs && !entry.refreshing) {
        const stale = entry;
        stale.refreshing = true;
        void (async () => {
          try {
            const [before, current] = await Promise.all([stale.version, options.version ? version(db) : Promise.resolve(null)]);
            if (current !== null && current === before) {
              if (entry === stale) entry = { ...stale, at: Date.now(), refreshing: false };
              return;
            }
            const loaded = loadWithVersion(db);
            const fresh = await loaded.value;
            if (entry === stale) entry = { at: Date.now(), value: Promise.resolve(fresh), settled: fresh, refreshing: false, version: loaded.version };
          } catch {
            stale.refreshing = false;
          }
        })();
      }
      return entry.value;
    },
    peek(db) {
      if (!entry) {
        void this.get(db).catch(() => undefined);
        return undefined;
      }
      const current = entry;
      this.get(db).catch(() => undefined); // starts the revalidation when the value is stale
      return current.settled;
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
