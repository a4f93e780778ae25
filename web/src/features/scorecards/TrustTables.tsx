import { useTranslation } from 'react-i18next';
import { DepartmentLink } from './DepartmentLink';
import type { SurveyAggregate, TrustItem, TrustRow } from './scorecards.types';
import { TableRegion } from './TableRegion';
import { useScorecardFormat } from './useScorecardFormat';

export interface TrustTableProps {
  /** The rows of one month, one per department. */
  rows: TrustRow[];
  /** An item, or the overall index of all items. */
  item: TrustItem | 'overall';
  caption: string;
  minAnswers: number;
}

function aggregateOf(row: TrustRow, item: TrustItem | 'overall'): SurveyAggregate | undefined {
  return item === 'overall' ? row.overall : row.items[item];
}

/** One item for every department: mean on 0–100 with its 95 % interval; small cells are not published. */
export function TrustTable({ rows, item, caption, minAnswers }: TrustTableProps) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  return (
    <TableRegion caption={caption} className="trust-table" testId={`trust-table-${item}`}>
      <thead>
        <tr>
          <th scope="col">{t('scorecards.trust.department')}</th>
          <th scope="col" className="num-col">{t('scorecards.trust.mean')}</th>
          <th scope="col">{t('scorecards.trust.interval')}</th>
          <th scope="col" className="num-col">{t('scorecards.trust.answers')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const aggregate = aggregateOf(row, item);
          return (
            <tr key={row.department.id}>
              <th scope="row">
                <DepartmentLink department={row.department} />
              </th>
              {!aggregate || aggregate.suppressed || aggregate.mean === null ? (
                <td colSpan={3} className="suppressed" data-testid="trust-suppressed">
                  <span aria-hidden="true">⊘ </span>
                  {t('scorecards.trust.suppressed', { min: minAnswers })}
                </td>
              ) : (
                <>
                  <td className="num">{format.number(aggregate.mean)}</td>
                  <td className="nowrap">{t('scorecards.trust.range', { low: format.number(aggregate.low), high: format.number(aggregate.high) })}</td>
                  <td className="num">{aggregate.n !== null ? format.integer(aggregate.n) : '—'}</td>
                </>
              )}
            </tr>
          );
        })}
      </tbody>
    </TableRegion>
  );
}
