import { useCallback } from 'react';
import type { ApiError } from '../../api/client';
import { useProblemText } from '../../ui/useProblemText';

/** The server's detail without a `body.field: ` prefix, which the form already shows by placement. */
function problemDetail(error: ApiError): string | undefined {
  return error.problem.detail?.replace(/^(?:body|query|params)\.[\w.]+:\s*/, '') || undefined;
}

/**
 * Errors of one form: the form's own check of a field first, else the server's problem when it names
 * that field. `inline` tells whether the server's problem belongs under a field (so no alert repeats it).
 */
export function useFieldError(error: ApiError | undefined, checks: Partial<Record<string, string>>, fields: readonly string[]) {
  const problemText = useProblemText();
  const named = error?.problem.field;
  const fieldError = useCallback(
    (field: string): string | undefined => {
      if (checks[field]) return checks[field];
      if (!error || !named || (named !== field && !named.startsWith(`${field}.`))) return undefined;
      return problemDetail(error) ?? problemText(error).title;
    },
    [checks, error, named, problemText],
  );
  const inline = !!named && fields.some((field) => named === field || named.startsWith(`${field}.`));
  return { fieldError, inline };
}
