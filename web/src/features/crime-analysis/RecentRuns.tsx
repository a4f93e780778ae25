import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { QueryState } from '../../api/useQuery';
import { QueryBlock } from '../../ui/QueryBlock';

export interface RecentRunsProps<T extends { id: string; status: string }> {
  testId: string;
  title: string;
  /** What to say when the dataset has no runs yet. */
  empty: string;
  query: QueryState<T[]>;
  /** What the run was, shown before the brackets with its status. */
  describe: (run: T) => ReactNode;
  /** Said in the brackets before the status, such as when the run was made. */
  note?: (run: T) => ReactNode;
  /** The run on show, whose button is disabled. */
  currentId: string | undefined;
  onShow: (id: string) => void;
}

/** A dataset's last ten forecasts or backtests, folded away, each with its status and a button to show it again. */
export function RecentRuns<T extends { id: string; status: string }>({ testId, title, empty, query, describe, note, currentId, onShow }: RecentRunsProps<T>) {
  const { t } = useTranslation();
  return (
    <details className="disclosure" data-testid={testId}>
      <summary>{title}</summary>
      <QueryBlock query={query}>
        {(runs) =>
          runs.length ? (
            <ul className="task-list">
              {runs.slice(0, 10).map((run) => (
                <li key={run.id} className="task">
                  <span>
                    {describe(run)}{' '}
                    <span className="muted small">
                      ({note ? <>{note(run)}, </> : null}
                      {t(`crimeAnalysis.runStatus.${run.status === 'done' || run.status === 'failed' || run.status === 'running' ? run.status : 'queued'}`)})
                    </span>
                  </span>
                  <button type="button" className="button button-secondary button-small" onClick={() => onShow(run.id)} disabled={currentId === run.id}>
                    {t('crimeAnalysis.forecast.show')}
                  </button>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{empty}</p>
          )
        }
      </QueryBlock>
    </details>
  );
}
