import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { ExportLinks } from './ExportLinks';
import type { BudgetLine, BudgetTotals } from './scorecards.types';
import { TableRegion } from './TableRegion';
import { useScorecardFormat } from './useScorecardFormat';

/**
 * Money per year: planned, allocated, spent. Sources are footnotes (one line per row keeps the
 * table narrow on a phone); synthetic demo figures are marked on their row and explained below.
 */
export function BudgetTable({ lines, totals }: { lines: BudgetLine[]; totals: BudgetTotals }) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  const caption = t('scorecards.budget.caption');
  if (lines.length === 0) return <EmptyState>{t('scorecards.budget.empty')}</EmptyState>;
  const sorted = [...lines].sort((a, b) => a.year - b.year || a.label.localeCompare(b.label));
  const sources = [...new Set(sorted.map((line) => line.source))];
  const note = (line: BudgetLine) => (sources.length > 1 ? sources.indexOf(line.source) + 1 : null);
  const anySynthetic = sorted.some((line) => line.synthetic);
  /** The money columns, for a line and for the totals. */
  const moneyCells = (amounts: Record<'plannedTiyn' | 'allocatedTiyn' | 'spentTiyn', number | null>) => (
    <>
      <td className="num" data-label={t('scorecards.budget.planned')}>
        {format.money(amounts.plannedTiyn)}
      </td>
      <td className="num" data-label={t('scorecards.budget.allocated')}>
        {format.money(amounts.allocatedTiyn)}
      </td>
      <td className="num" data-label={t('scorecards.budget.spent')}>
        {format.money(amounts.spentTiyn)}
      </td>
    </>
  );
  return (
    <div className="table-block">
      <TableRegion caption={caption} className="budget-table table-stacked" testId="budget-table">
        <thead>
          <tr>
            <th scope="col">{t('scorecards.budget.year')}</th>
            <th scope="col" className="num-col">{t('scorecards.budget.planned')}</th>
            <th scope="col" className="num-col">{t('scorecards.budget.allocated')}</th>
            <th scope="col" className="num-col">{t('scorecards.budget.spent')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((line) => (
            <tr key={line.id} data-testid="budget-line">
              <th scope="row" className="nowrap">
                {line.year}
                {note(line) !== null ? <sup aria-label={t('scorecards.budget.sourceNote', { n: note(line) })}>{note(line)}</sup> : null}
                {line.synthetic ? (
                  <span className="synthetic-mark" title={t('scorecards.synthetic.figure')}>
                    <span aria-hidden="true"> ◇</span>
                    <span className="visually-hidden"> ({t('scorecards.synthetic.figure')})</span>
                  </span>
                ) : null}
                {line.label ? <span className="block small muted">{line.label}</span> : null}
              </th>
              {moneyCells(line)}
            </tr>
          ))}
        </tbody>
        {sorted.length > 1 ? (
          <tfoot>
            <tr>
              <th scope="row">{t('scorecards.budget.total')}</th>
              {moneyCells(totals)}
            </tr>
          </tfoot>
        ) : null}
      </TableRegion>
      <div className="small muted table-notes">
        {sources.length === 1 ? (
          <p>
            {t('scorecards.budget.source')}: <span lang="ru">{sources[0]}</span>
          </p>
        ) : (
          <ol className="footnotes">
            {sources.map((source) => (
              <li key={source} lang="ru">
                {source}
              </li>
            ))}
          </ol>
        )}
        {anySynthetic ? <p data-testid="budget-synthetic">{t('scorecards.budget.syntheticLegend')}</p> : null}
      </div>
      <ExportLinks table="budget-lines" what={caption} />
    </div>
  );
}
