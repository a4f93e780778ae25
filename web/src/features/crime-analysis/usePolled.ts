import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../api/client';

/** How often long work is asked how far it has got. */
export const POLL_INTERVAL_MS = 500;
/** After the server stopped answering: wait longer before asking again. */
const RETRY_AFTER_MS = 2_000;

export interface Polled<T> {
  data: T | undefined;
  /** The last failed read; polling goes on while the server is only unreachable. */
  error: ApiError | undefined;
}

/**
 * Reads a record of long work (an import, a forecast, a backtest) about every half second until
 * `settled` says it has finished, starting from `initial` (the 202 answer) when given. A new `key`
 * starts over; leaving the page stops it.
 */
export function usePolled<T>(key: string | null, load: (signal: AbortSignal) => Promise<T>, settled: (value: T) => boolean, initial?: T): Polled<T> {
  const [state, setState] = useState<{ key: string | null } & Polled<T>>({ key, data: initial, error: undefined });
  const loadRef = useRef(load);
  const settledRef = useRef(settled);
  loadRef.current = load;
  settledRef.current = settled;

  if (state.key !== key) setState({ key, data: initial, error: undefined });

  useEffect(() => {
    if (key === null) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      try {
        const value = await loadRef.current(controller.signal);
        if (controller.signal.aborted) return;
        setState({ key, data: value, error: undefined });
        if (!settledRef.current(value)) timer = setTimeout(() => void tick(), POLL_INTERVAL_MS);
      } catch (reason) {
        if (controller.signal.aborted) return;
        const error = reason instanceof ApiError ? reason : new ApiError({ type: 'urn:openbeat:client', title: String(reason), status: 0 });
        setState((s) => ({ ...s, key, error }));
        // A server that does not answer may come back; one that refuses (404, 403) will not change its mind.
        if (error.unreachable) timer = setTimeout(() => void tick(), RETRY_AFTER_MS);
      }
    };
    if (!(initial !== undefined && settledRef.current(initial))) timer = setTimeout(() => void tick(), initial === undefined ? 0 : POLL_INTERVAL_MS);
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
    // `initial` belongs to the key: it is read once when the key changes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  return state.key === key ? { data: state.data, error: state.error } : { data: initial, error: undefined };
}

/** done or failed, or null while the work is queued or running. */
export function finishedStatus(run: { status: string }): 'done' | 'failed' | null {
  return run.status === 'done' || run.status === 'failed' ? run.status : null;
}

/**
 * A run of long work (an import, a forecast, a backtest) polled until it has finished, calling
 * `onFinished` once when it has — done or failed.
 */
export function useTaskRun<T extends { status: string }>(key: string, load: (signal: AbortSignal) => Promise<T>, onFinished?: (run: T) => void, initial?: T) {
  const polled = usePolled(key, load, (run) => finishedStatus(run) !== null, initial);
  const run = polled.data ?? initial;
  const finished = run ? finishedStatus(run) : null;
  const reported = useRef(false);
  useEffect(() => {
    if (finished && run && !reported.current) {
      reported.current = true;
      onFinished?.(run);
    }
  }, [finished, run, onFinished]);
  return { run, finished, error: polled.error };
}
