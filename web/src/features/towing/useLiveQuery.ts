import { useEffect } from 'react';
import { useQuery, type QueryState } from '../../api/useQuery';

export interface LiveQueryOptions<T> {
  /** Refresh this often while `while(data)` holds (e.g. while an SMS is still on its way). */
  everyMs: number;
  while: (data: T) => boolean;
}

/** useQuery that also refreshes quietly by itself while the data says something is still changing. */
export function useLiveQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[], options: LiveQueryOptions<T>): QueryState<T> {
  const query = useQuery(load, deps);
  const { data, loading, refresh } = query;
  const polling = data !== undefined && !loading && options.while(data);
  useEffect(() => {
    if (!polling) return;
    const timer = window.setInterval(refresh, options.everyMs);
    return () => window.clearInterval(timer);
  }, [polling, options.everyMs, refresh]);
  return query;
}
