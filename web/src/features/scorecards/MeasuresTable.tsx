import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';
import { EmptyState } from '../../ui/EmptyState';
import { ExportLinks } from './ExportLinks';
import { MEASURE_STATUS_META } from './light';
import type { Measure } from './scorecards.types';
import { SourceItem } from './SourceItem';
import { TableRegion } from './TableRegion';
import { useScorecardFormat } from './useScorecardFormat';

export interface MeasuresTableProps {
  measures: Measure[];
  /** How many measures the plan declares, when more than are entered (the report: 101). */
  declared: number | null;
}

/** The programme's measures: number, text, executor, deadline, status, evidence. */
export function MeasuresTable({ measures, declared }: MeasuresTableProps) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  const caption = t('scorecards.measures.caption');
  const partial = declared !== null && declared > measures.length;
  return (
    <div className="table-block">
      {partial ? (
        <p className="alert alert-info" data-testid="measures-partial">
          {t('scorecards.measures.partial', { entered: format.integer(measures.length), declared: format.integer(declared) })}
        </p>
      ) : null}
      {measures.length === 0 ? (
        <EmptyState>{t('scorecards.measures.empty')}</EmptyState>
      ) : (
        <TableRegion caption={caption} className="measures-table table-stacked" testId="measures-table">
          <thead>
            <tr>
              <th scope="col">{t('scorecards.measures.number')}</th>
              <th scope="col">{t('scorecards.measures.text')}</th>
              <th scope="col">{t('scorecards.measures.executor')}</th>
              <th scope="col">{t('scorecards.measures.deadline')}</th>
              <th scope="col">{t('scorecards.measures.status')}</th>
              <th scope="col">{t('scorecards.measures.evidence')}</th>
            </tr>
          </thead>
          <tbody>
            {measures.map((measure) => (
              <tr key={measure.id} data-testid="measure">
                <th scope="row" className="nowrap" data-label={t('scorecards.measures.number')}>
                  {measure.number}
                </th>
                <td className="measure-text" data-label={t('scorecards.measures.text')}>
                  <span lang="ru">{measure.text}</span>
                  {measure.sourceItem || measure.synthetic ? (
                    <span className="block small">
                      <SourceItem item={measure.sourceItem} />
                      {measure.synthetic ? (
                        <>
                          {' '}
                          <Badge tone="neutral" icon="◇">
                            {t('scorecards.synthetic.badge')}
                          </Badge>
                        </>
                      ) : null}
                    </span>
                  ) : null}
                </td>
                <td className="small" lang="ru" data-label={t('scorecards.measures.executor')}>
                  {measure.executor}
                </td>
                <td className="nowrap" data-label={t('scorecards.measures.deadline')}>
                  {format.day(measure.deadline)}
                </td>
                <td data-label={t('scorecards.measures.status')}>
                  <Badge tone={MEASURE_STATUS_META[measure.status].tone} icon={MEASURE_STATUS_META[measure.status].icon}>
                    {t(`scorecards.measureStatus.${measure.status}`)}
                  </Badge>
                </td>
                <td className="small" data-label={t('scorecards.measures.evidence')}>
                  {measure.evidence ? <span lang="ru">{measure.evidence}</span> : <span className="muted">{t('scorecards.measures.noEvidence')}</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </TableRegion>
      )}
      <ExportLinks table="measures" what={caption} />
    </div>
  );
}
