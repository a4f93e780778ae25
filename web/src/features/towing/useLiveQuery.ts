import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import type { QueryState } from '../../api/useQuery';

export interface LiveQuery<T> extends QueryState<T> {
  /** Load again without showing it (no spinner, no faded block): the new answer replaces the old when it comes. */
  refresh: () => void;
}

export interface LiveQueryOptions<T> {
  /** Refresh this often while `while(data)` holds (e.g. while an SMS is still on its way). */
  everyMs: number;
  while: (data: T) => boolean;
}

/**
 * useQuery that can also refresh quietly, by itself while the data says something is still changing and on
 * demand after a change the page made. A quiet answer that arrives after a loud reload started is dropped.
 */
export function useLiveQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[], options: LiveQueryOptions<T>): LiveQuery<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;
  const generation = useRef(0);

  useEffect(() => {
    const controller = new AbortController();
    const mine = ++generation.current;
    setLoading(true);
    setError(undefined);
    load(controller.signal)
      .then((value) => {
        if (controller.signal.aborted || mine !== generation.current) return;
        setData(value);
        setLoading(false);
      })
      .catch((reason: unknown) => {
        if (controller.signal.aborted) return;
        setError(reason instanceof ApiError ? reason : new ApiError({ type: 'urn:openbeat:client', title: String(reason), status: 0 }));
        setLoading(false);
      });
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [...deps, token]);

  useEffect(() => {
    if (tick === 0) return;
    const controller = new AbortController();
    const mine = generation.current;
    loadRef
      .current(controller.signal)
      .then((value) => {
        if (controller.signal.aborted || mine !== generation.current) return;
        setData(value);
        setError(undefined);
      })
      .catch(() => undefined); // a quiet refresh that fails leaves what is shown; the next one tries again
    return () => controller.abort();
  }, [tick]);

  const reload = useCallback(() => setToken((n) => n + 1), []);
  const refresh = useCallback(() => setTick((n) => n + 1), []);
  const polling = data !== undefined && !loading && options.while(data);
  useEffect(() => {
    if (!polling) return;
    const timer = window.setInterval(refresh, options.everyMs);
    return () => window.clearInterval(timer);
  }, [polling, options.everyMs, refresh]);

  return { data, error, loading, reload, refresh };
}
