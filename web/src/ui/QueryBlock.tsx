import type { ReactNode } from 'react';
import type { QueryState } from '../api/useQuery';
import { LoadingState } from './LoadingState';
import { ProblemAlert } from './ProblemAlert';

/** Loading, the server's problem with "try again", or the data: one section of a page. */
export function QueryBlock<T>({ query, children }: { query: QueryState<T>; children: (data: T) => ReactNode }) {
  if (query.loading && !query.data) return <LoadingState />;
  if (query.error) return <ProblemAlert error={query.error} onRetry={query.reload} />;
  if (query.data === undefined) return null;
  return (
    <div className={query.loading ? 'is-stale' : undefined} aria-busy={query.loading}>
      {children(query.data)}
    </div>
  );
}
