import { ApiError } from '../../api/client';
import type { TaskView } from '../../api/crime-analysis.contract';
import { ProblemAlert } from '../../ui/ProblemAlert';

/** Why long work stopped, said like any other problem of the API (its title in the reader's language). */
export function TaskFailure({ task }: { task: TaskView | null | undefined }) {
  const error = task?.error ?? { type: 'internal', title: '', detail: undefined, field: undefined };
  const problem = new ApiError({
    type: error.type,
    title: error.title,
    status: 422,
    ...(error.detail ? { detail: error.detail } : {}),
    ...(error.field ? { field: error.field } : {}),
  });
  return <ProblemAlert error={problem} />;
}
