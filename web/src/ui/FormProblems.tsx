import type { ApiError } from '../api/client';
import { ProblemAlert } from './ProblemAlert';

/** Moves focus to a part of a form that needs fixing and brings it to the middle of the screen. */
export function revealProblem(element: HTMLElement | null): void {
  element?.focus();
  element?.scrollIntoView({ block: 'center' });
}

export interface FormProblemsProps {
  /** The server's problem that no field of the form shows. */
  problem: ApiError | undefined;
  /** The id focus goes to so that the problem is read out. */
  problemId: string;
  /** How many fields need fixing, said when any do. */
  summary: string | null;
  summaryTestId: string;
}

/** Above a long form's submit button: the server's problem (focusable) and the count of fields to fix. */
export function FormProblems({ problem, problemId, summary, summaryTestId }: FormProblemsProps) {
  return (
    <>
      {problem ? (
        <div id={problemId} tabIndex={-1}>
          <ProblemAlert error={problem} />
        </div>
      ) : null}
      {summary !== null ? (
        <p className="alert alert-error" role="alert" data-testid={summaryTestId}>
          {summary}
        </p>
      ) : null}
    </>
  );
}
