import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { CrimeDataset, CrimeLine, MethodChoice } from '../../api/crime-analysis.contract';
import type { QueryState } from '../../api/useQuery';
import { QueryBlock } from '../../ui/QueryBlock';
import { useCrimeFormat } from './useCrimeFormat';
import { useMethodText } from './useMethodText';

export interface MethodChoicesProps {
  dataset: CrimeDataset;
  lines: readonly CrimeLine[];
  choices: QueryState<MethodChoice[]>;
}

/** The method each line of the dataset is forecast with, and the backtest the choice rests on. */
export function MethodChoices({ dataset, lines, choices }: MethodChoicesProps) {
  const { t } = useTranslation();
  const format = useCrimeFormat();
  const text = useMethodText(lines);
  const captionId = useId();
  return (
    <QueryBlock query={choices}>
      {(rows) =>
        rows.length ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table className="table stack-table" data-testid="method-choices">
              <caption id={captionId}>{t('crimeAnalysis.choices.caption', { dataset: dataset.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('crimeAnalysis.choices.line')}</th>
                  <th scope="col">{t('crimeAnalysis.choices.method')}</th>
                  <th scope="col">{t('crimeAnalysis.choices.when')}</th>
                  <th scope="col">{t('crimeAnalysis.choices.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {[...rows]
                  .sort((a, b) => (a.line === '*' ? -1 : b.line === '*' ? 1 : text.lineName(a.line).localeCompare(text.lineName(b.line))))
                  .map((choice) => (
                    <tr key={choice.line} data-testid={`choice-${choice.line === '*' ? 'all' : choice.line}`}>
                      <th scope="row" className="wide-cell">
                        {text.lineName(choice.line)}
                      </th>
                      <td data-label={t('crimeAnalysis.choices.method')}>
                        {text.methodName(choice.method)}
                        {text.paramsText(choice.method, choice.params) ? <span className="muted small block">{text.paramsText(choice.method, choice.params)}</span> : null}
                      </td>
                      <td data-label={t('crimeAnalysis.choices.when')}>{format.dateTime(choice.chosenAt)}</td>
                      <td data-label={t('crimeAnalysis.choices.evidence')}>{choice.backtestId ? <code>{choice.backtestId.slice(0, 8)}</code> : t('crimeAnalysis.choices.noEvidence')}</td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="state state-empty">{t('crimeAnalysis.choices.none')}</p>
        )
      }
    </QueryBlock>
  );
}
