import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Load again (after a change, or from a "try again" button). */
  reload: () => void;
  /** Load again without showing it (no spinner, no faded block): the new answer replaces the old when it comes. */
  refresh: () => void;
}

/**
 * Load data when the component mounts and whenever `deps` change; abort stale requests.
 * A tiny stand-in for a data library: the app reads little and writes through forms.
 * A quiet answer (refresh) that arrives after a loud load started is dropped.
 */
export function useQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): QueryState<T> {
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
  return { data, error, loading, reload, refresh };
}
