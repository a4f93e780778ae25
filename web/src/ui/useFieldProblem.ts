import { useCallback, useState } from 'react';
import type { ApiError } from '../api/client';
import { useProblemText } from './useProblemText';

/** The server's detail without its `body.field: ` prefix, which the form already shows by placement. */
export function problemDetail(error: ApiError): string | undefined {
  return error.problem.detail?.replace(/^(?:body|query|params)\.[\w.[\]]+:\s*/, '') || undefined;
}

/** Whether the field the server named is this field or a part of it (`target.value` is in `target`). */
function isFieldOrPart(named: string | undefined, field: string): boolean {
  return !!named && (named === field || named.startsWith(`${field}.`));
}

/**
 * The message to show under a form field when the server's problem names it (`field`, or a part of
 * it such as `target.value`): the form's own wording when it has one, else the server's detail.
 */
export function useFieldProblem(error: ApiError | undefined) {
  const problemText = useProblemText();
  return useCallback(
    (field: string, ownMessage?: string): string | undefined => {
      if (!error || !isFieldOrPart(error.problem.field, field)) return undefined;
      return ownMessage ?? problemDetail(error) ?? problemText(error).title;
    },
    [error, problemText],
  );
}

/** A form's own findings before it is sent: field → message. */
export type FieldChecks = Partial<Record<string, string>>;

/**
 * Errors of one form: the form's own check of a field first, else the server's problem when it names
 * that field. `inline` tells whether the server's problem belongs under one of `fields` (so no alert
 * repeats it); `passes(found)` keeps the form's findings and tells whether the form may be sent.
 */
export function useFormErrors(error: ApiError | undefined, fields: readonly string[]) {
  const [checks, setChecks] = useState<FieldChecks>({});
  const serverError = useFieldProblem(error);
  const fieldError = useCallback((field: string): string | undefined => checks[field] || serverError(field), [checks, serverError]);
  const named = error?.problem.field;
  const inline = fields.some((field) => isFieldOrPart(named, field));
  const passes = useCallback((found: FieldChecks): boolean => {
    setChecks(found);
    return Object.keys(found).length === 0;
  }, []);
  const clearChecks = useCallback(() => setChecks({}), []);
  return { fieldError, inline, passes, clearChecks };
}
