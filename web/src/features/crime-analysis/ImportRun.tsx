import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { REJECT_REASONS, type IncidentImport } from '../../api/crime-analysis.contract';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { crimeAnalysisApi } from './crime-analysis.api';
import { TaskFailure } from './TaskFailure';
import { TaskProgress } from './TaskProgress';
import { useTaskRun } from './usePolled';
import { useCrimeFormat } from './useCrimeFormat';

export interface ImportRunProps {
  /** The import as the server answered when it started (202). */
  started: IncidentImport;
  /** Once, when the import has finished (done or failed). */
  onFinished?: (run: IncidentImport) => void;
}

/** An import under way: its progress, then what became of every row — new, changed, unchanged, rejected and why. */
export function ImportRun({ started, onFinished }: ImportRunProps) {
  const { t } = useTranslation();
  const polled = useTaskRun(started.id, (signal) => crimeAnalysisApi.importRun(started.id, signal), onFinished, started);
  const run = polled.run ?? started;
  const { finished } = polled;

  return (
    <div className="stack" data-testid="import-run">
      <TaskProgress label={t('crimeAnalysis.import.progress', { file: run.fileName })} task={run.task} finished={finished} testId="import-progress" />
      {polled.error ? <ProblemAlert error={polled.error} /> : null}
      {run.status === 'failed' ? <TaskFailure task={run.task} /> : null}
      {run.status === 'done' ? <ImportCounts run={run} /> : null}
    </div>
  );
}

function ImportCounts({ run }: { run: IncidentImport }) {
  const { t } = useTranslation();
  const format = useCrimeFormat();
  const reasonsId = useId();
  const examplesId = useId();
  const figures = [
    ['rowsRead', run.rowsRead],
    ['inserted', run.inserted],
    ['updated', run.updated],
    ['unchanged', run.unchanged],
    ['rejected', run.rejected],
  ] as const;
  // The server's reasons first in their fixed order, then any it may add later.
  const reasons = [...REJECT_REASONS.filter((r) => run.rejectsByReason[r]), ...Object.keys(run.rejectsByReason).filter((r) => !(REJECT_REASONS as readonly string[]).includes(r))];
  const reasonText = (reason: string) => ((REJECT_REASONS as readonly string[]).includes(reason) ? t(`crimeAnalysis.import.reasons.${reason as (typeof REJECT_REASONS)[number]}`) : reason);
  return (
    <div className="stack" data-testid="import-result">
      <h3>{t('crimeAnalysis.import.resultTitle', { file: run.fileName })}</h3>
      <dl className="import-figures">
        {figures.map(([key, value]) => (
          <div key={key} className={`import-figure import-figure-${key}`}>
            <dt>{t(`crimeAnalysis.import.figures.${key}`)}</dt>
            <dd data-testid={`import-${key}`}>{format.integer(value)}</dd>
          </div>
        ))}
      </dl>
      <p className="small muted">{run.inserted === 0 && run.updated === 0 && run.unchanged > 0 ? t('crimeAnalysis.import.allKnown') : t('crimeAnalysis.import.keyNote')}</p>
      {reasons.length > 0 ? (
        <div className="table-block">
          <p className="table-caption" id={reasonsId}>
            {t('crimeAnalysis.import.byReason')}
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={reasonsId}>
            <table className="table" aria-labelledby={reasonsId} data-testid="reject-reasons">
              <thead>
                <tr>
                  <th scope="col">{t('crimeAnalysis.import.reason')}</th>
                  <th scope="col" className="num-col">
                    {t('crimeAnalysis.import.rows')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {reasons.map((reason) => (
                  <tr key={reason} data-testid={`reject-${reason}`}>
                    <th scope="row">{reasonText(reason)}</th>
                    <td className="num">{format.integer(run.rejectsByReason[reason] ?? 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ) : null}
      {run.rejectExamples.length > 0 ? (
        <details className="disclosure">
          <summary>{t('crimeAnalysis.import.examples', { n: run.rejectExamples.length })}</summary>
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={examplesId}>
            <table className="table" data-testid="reject-examples">
              <caption id={examplesId}>{t('crimeAnalysis.import.examplesCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" className="num-col">
                    {t('crimeAnalysis.import.row')}
                  </th>
                  <th scope="col">{t('crimeAnalysis.import.reason')}</th>
                  <th scope="col">{t('crimeAnalysis.import.detail')}</th>
                </tr>
              </thead>
              <tbody>
                {run.rejectExamples.map((example) => (
                  <tr key={`${example.row}-${example.reason}`}>
                    <td className="num">{format.integer(example.row)}</td>
                    <td>{reasonText(example.reason)}</td>
                    <td>
                      <code>{example.detail}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      ) : null}
    </div>
  );
}
