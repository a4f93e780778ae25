import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './client';

export interface QueryState<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  /** Load again (after a change, or from a "try again" button). */
  reload: () => void;
}

/**
 * Load data when the component mounts and whenever `deps` change; abort stale requests.
 * A tiny stand-in for a data library: the app reads little and writes through forms.
 */
export function useQuery<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): QueryState<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError>();
  const [loading, setLoading] = useState(true);
  const [token, setToken] = useState(0);

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    load(controller.signal)
      .then((value) => {
        if (controller.signal.aborted) return;
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

  const reload = useCallback(() => setToken((n) => n + 1), []);
  return { data, error, loading, reload };
}
