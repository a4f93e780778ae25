import { useCallback, useState } from 'react';
import { ApiError } from './client';

/**
 * The state of a form submission: busy while it runs, the server's problem when it fails,
 * saved once it succeeds. Errors that are not API problems propagate.
 */
export function useSubmission() {
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const submit = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      await action();
      setSaved(true);
    } catch (reason) {
      if (reason instanceof ApiError) setError(reason);
      else throw reason;
    } finally {
      setBusy(false);
    }
  }, []);

  /** Forget the last outcome (e.g. when the form switches to another record). */
  const reset = useCallback(() => {
    setError(undefined);
    setSaved(false);
  }, []);

  return { submit, reset, busy, error, saved };
}
