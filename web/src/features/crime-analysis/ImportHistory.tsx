import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { IncidentImport } from '../../api/crime-analysis.contract';
import type { QueryState } from '../../api/useQuery';
import { EmptyState } from '../../ui/EmptyState';
import { QueryBlock } from '../../ui/QueryBlock';
import { useCrimeFormat } from './useCrimeFormat';

const STATUSES = ['queued', 'running', 'done', 'failed'] as const;

/** The dataset's recent imports, newest first: when, which file, how it ended and what became of its rows. */
export function ImportHistory({ imports }: { imports: QueryState<IncidentImport[]> }) {
  const { t } = useTranslation();
  const format = useCrimeFormat();
  const captionId = useId();
  return (
    <QueryBlock query={imports}>
      {(rows) =>
        rows.length === 0 ? (
          <EmptyState>{t('crimeAnalysis.history.empty')}</EmptyState>
        ) : (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table className="table table-stacked" data-testid="import-history-table">
              <caption id={captionId}>{t('crimeAnalysis.history.caption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('crimeAnalysis.history.when')}</th>
                  <th scope="col">{t('crimeAnalysis.history.file')}</th>
                  <th scope="col">{t('crimeAnalysis.history.status')}</th>
                  {(['rowsRead', 'inserted', 'updated', 'unchanged', 'rejected'] as const).map((key) => (
                    <th key={key} scope="col" className="num-col">
                      {t(`crimeAnalysis.import.figures.${key}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((run) => {
                  const status = (STATUSES as readonly string[]).includes(run.status) ? (run.status as (typeof STATUSES)[number]) : 'queued';
                  return (
                    <tr key={run.id} data-testid="import-history-row" data-status={status}>
                      <td data-label={t('crimeAnalysis.history.when')}>{format.dateTime(run.createdAt)}</td>
                      <th scope="row" data-label={t('crimeAnalysis.history.file')}>
                        {run.fileName}
                      </th>
                      <td data-label={t('crimeAnalysis.history.status')}>{t(`crimeAnalysis.runStatus.${status}`)}</td>
                      <td className="num" data-label={t('crimeAnalysis.import.figures.rowsRead')}>{format.integer(run.rowsRead)}</td>
                      <td className="num" data-label={t('crimeAnalysis.import.figures.inserted')}>{format.integer(run.inserted)}</td>
                      <td className="num" data-label={t('crimeAnalysis.import.figures.updated')}>{format.integer(run.updated)}</td>
                      <td className="num" data-label={t('crimeAnalysis.import.figures.unchanged')}>{format.integer(run.unchanged)}</td>
                      <td className="num" data-label={t('crimeAnalysis.import.figures.rejected')}>{format.integer(run.rejected)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )
      }
    </QueryBlock>
  );
}
