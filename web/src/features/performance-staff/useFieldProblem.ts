import { useCallback } from 'react';
import type { ApiError } from '../../api/client';
import { useProblemText } from '../../ui/useProblemText';

/** The server's detail without its `body.field: ` prefix, which the form already shows by placement. */
export function problemDetail(error: ApiError): string | undefined {
  return error.problem.detail?.replace(/^(?:body|query|params)\.[\w.]+:\s*/, '') || undefined;
}

/**
 * The message to show under a form field when the server's problem names it (`field`, or a part of
 * it such as `target.value`): the form's own wording when it has one, else the server's detail.
 */
export function useFieldProblem(error: ApiError | undefined) {
  const problemText = useProblemText();
  return useCallback(
    (field: string, ownMessage?: string): string | undefined => {
      const named = error?.problem.field;
      if (!error || !named || (named !== field && !named.startsWith(`${field}.`))) return undefined;
      return ownMessage ?? problemDetail(error) ?? problemText(error).title;
    },
    [error, problemText],
  );
}
