import { useTranslation } from 'react-i18next';
import { useLocale } from '../../i18n/useLocale';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { ExportLinks } from './ExportLinks';
import type { IndicatorUnit, IndicatorValueRow } from './scorecards.types';
import { TableRegion } from './TableRegion';
import { useActorLabel } from './useUnitLabel';
import { useScorecardFormat } from './useScorecardFormat';

/** The value that replaced a superseded one: the next value entered for the same period. */
/** Every value ever entered, current and corrected, with who entered it (role and unit only). */
export function HistoryTable({ rows, unit }: { rows: IndicatorValueRow[]; unit: IndicatorUnit }) {
  const { t } = useTranslation();
  const { formatDate } = useLocale();
  const format = useScorecardFormat();
  const actorLabel = useActorLabel();
  const caption = t('scorecards.history.caption');
  if (rows.length === 0) return <EmptyState>{t('scorecards.history.empty')}</EmptyState>;
  const sorted = [...rows].sort(
    (a, b) => b.start.localeCompare(a.start) || b.end.localeCompare(a.end) || Number(a.supersededAt !== null) - Number(b.supersededAt !== null) || b.createdAt.localeCompare(a.createdAt),
  );
  return (
    <div className="table-block">
      <TableRegion caption={caption} className="history-table table-stacked" testId="history-table">
        <thead>
          <tr>
            <th scope="col">{t('scorecards.history.period')}</th>
            <th scope="col" className="num-col">{t('scorecards.history.value')}</th>
            <th scope="col">{t('scorecards.history.state')}</th>
            <th scope="col">{t('scorecards.history.entered')}</th>
            <th scope="col">{t('scorecards.history.source')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((row) => {
            const superseded = row.supersededAt !== null;
            const replacement = row.replacedBy;
            return (
              <tr key={row.id} className={superseded ? 'is-superseded' : undefined} data-testid={superseded ? 'history-superseded' : 'history-row'}>
                <th scope="row" className="nowrap">
                  {format.period(row.period)}
                </th>
                <td className="num" data-label={t('scorecards.history.value')}>
                  {superseded ? <del>{format.value(row.value, unit)}</del> : format.value(row.value, unit)}
                </td>
                <td className="small" data-label={t('scorecards.history.state')}>
                  {superseded ? (
                    <>
                      <Badge tone="muted" icon="↺">
                        {t('scorecards.history.superseded')}
                      </Badge>
                      <span className="block">
                        {t('scorecards.history.correctedOn', { date: formatDate(row.supersededAt ?? '') })}
                        {replacement?.reason ? `: ${t('scorecards.history.reason', { reason: replacement.reason })}` : ''}
                        {replacement ? ` ${t('scorecards.history.newValue', { value: format.value(replacement.value, unit) })}` : ''}
                      </span>
                    </>
                  ) : (
                    <>
                      <Badge tone="success" icon="✓">
                        {t('scorecards.history.current')}
                      </Badge>
                      {row.reason ? <span className="block">{t('scorecards.history.correction', { reason: row.reason })}</span> : null}
                    </>
                  )}
                  {row.synthetic ? <span className="block muted">{t('scorecards.synthetic.short')}</span> : null}
                </td>
                <td className="small" data-label={t('scorecards.history.entered')}>
                  {formatDate(row.createdAt, true)}
                  <span className="block muted">{actorLabel(row.enteredBy)}</span>
                </td>
                <td className="small" data-label={t('scorecards.history.source')}>
                  <span lang="ru">{row.source}</span>
                  {row.note ? <span className="block muted" lang="ru">{row.note}</span> : null}
                  {row.figureId ? <span className="block muted">{t('scorecards.history.fromReport')}</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </TableRegion>
      <ExportLinks table="indicator-values" what={caption} />
    </div>
  );
}
