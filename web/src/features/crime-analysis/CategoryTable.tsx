import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client';
import type { CategoryRow, CrimeLine } from '../../api/crime-analysis.contract';
import type { QueryState } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { QueryBlock } from '../../ui/QueryBlock';
import { crimeAnalysisApi } from './crime-analysis.api';
import { useCrimeFormat } from './useCrimeFormat';

export interface CategoryTableProps {
  datasetId: string;
  categories: QueryState<CategoryRow[]>;
  lines: readonly CrimeLine[];
}

type RowState = { state: 'saving' } | { state: 'saved' } | { state: 'failed'; error: ApiError };

/**
 * The dataset's own categories, how many incidents each holds, and the line each is counted under.
 * Changing a line saves that row at once (its incidents follow); "unmapped" keeps them off every line.
 */
export function CategoryTable({ datasetId, categories, lines }: CategoryTableProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useCrimeFormat();
  const captionId = useId();
  const [rows, setRows] = useState<CategoryRow[] | undefined>(categories.data);
  const [status, setStatus] = useState<Record<string, RowState>>({});
  useEffect(() => setRows(categories.data), [categories.data]);
  useEffect(() => setStatus({}), [datasetId]);

  const change = async (sourceCategory: string, lineCode: string | null) => {
    setRows((current) => current?.map((r) => (r.sourceCategory === sourceCategory ? { ...r, lineCode } : r)));
    setStatus((s) => ({ ...s, [sourceCategory]: { state: 'saving' } }));
    try {
      setRows(await crimeAnalysisApi.setCategory(datasetId, { sourceCategory, lineCode }));
      setStatus((s) => ({ ...s, [sourceCategory]: { state: 'saved' } }));
    } catch (reason) {
      setRows(categories.data);
      if (reason instanceof ApiError) setStatus((s) => ({ ...s, [sourceCategory]: { state: 'failed', error: reason } }));
      else throw reason;
    }
  };

  return (
    <QueryBlock query={categories}>
      {() =>
        rows && rows.length > 0 ? (
          <div className="table-wrap" tabIndex={0} role="region" aria-labelledby={captionId}>
            <table className="table stack-table category-table" data-testid="category-table">
              <caption id={captionId}>{t('crimeAnalysis.categories.caption', { n: rows.length, unmapped: rows.filter((r) => r.lineCode === null).length })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('crimeAnalysis.categories.source')}</th>
                  <th scope="col" className="num-col">
                    {t('crimeAnalysis.categories.incidents')}
                  </th>
                  <th scope="col">{t('crimeAnalysis.categories.line')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((row, i) => {
                  const rowStatus = status[row.sourceCategory];
                  const selectId = `${captionId}-line-${i}`;
                  return (
                    <tr key={row.sourceCategory} data-testid="category-row" data-category={row.sourceCategory}>
                      <th scope="row" className="wide-cell">
                        {row.sourceCategory}
                      </th>
                      <td className="num" data-label={t('crimeAnalysis.categories.incidents')}>
                        {format.integer(row.incidents)}
                      </td>
                      <td className="wide-cell" data-label={t('crimeAnalysis.categories.line')}>
                        <label className="visually-hidden" htmlFor={selectId}>
                          {t('crimeAnalysis.categories.lineFor', { category: row.sourceCategory })}
                        </label>
                        <select
                          id={selectId}
                          className="input select"
                          value={row.lineCode ?? ''}
                          onChange={(e) => void change(row.sourceCategory, e.target.value || null)}
                          disabled={rowStatus?.state === 'saving'}
                          aria-describedby={rowStatus ? `${selectId}-status` : undefined}
                          data-testid="category-line"
                        >
                          <option value="">{t('crimeAnalysis.categories.unmapped')}</option>
                          {lines.map((line) => (
                            <option key={line.code} value={line.code}>
                              {localized(line.name)}
                            </option>
                          ))}
                        </select>
                        <span id={`${selectId}-status`} className="small category-status" role="status">
                          {rowStatus?.state === 'saving' ? t('common.saving') : rowStatus?.state === 'saved' ? `✓ ${t('common.saved')}` : null}
                        </span>
                        {rowStatus?.state === 'failed' ? <ProblemAlert error={rowStatus.error} /> : null}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ) : (
          <p className="state state-empty">{t('crimeAnalysis.categories.none')}</p>
        )
      }
    </QueryBlock>
  );
}
