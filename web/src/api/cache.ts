/**
 * Answers that change rarely, kept for the visit: each key is loaded once, and a failed load is
 * forgotten so that it can be retried. Each api module makes its own.
 */
export function createCache() {
  const entries = new Map<string, Promise<unknown>>();

  function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
    let entry = entries.get(key) as Promise<T> | undefined;
    if (!entry) {
      entry = load();
      entries.set(key, entry);
      entry.catch(() => entries.delete(key));
    }
    return entry;
  }

  /** Forget one answer, after a change that makes it stale. */
  const forget = (key: string): boolean => entries.delete(key);

  return { cached, forget };
}
