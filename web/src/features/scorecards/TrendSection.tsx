import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../ui/EmptyState';
import { LoadingState } from '../../ui/LoadingState';
import type { IndicatorCard } from './scorecards.types';
import { TableRegion } from './TableRegion';
import { useScorecardFormat } from './useScorecardFormat';

// The chart library loads only on the indicator page.
const TrendChart = lazy(() => import('./TrendChart').then((m) => ({ default: m.TrendChart })));

/** The trend as a chart (with the target line) and the same numbers as a table. */
export function TrendSection({ indicator, name }: { indicator: IndicatorCard; name: string }) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  const { trend, unit } = indicator;
  const target = indicator.target?.effective ?? null;
  if (trend.length === 0) return <EmptyState>{t('scorecards.trend.empty')}</EmptyState>;
  const first = trend[0]!;
  const last = trend[trend.length - 1]!;
  const label = t('scorecards.trend.chartLabel', {
    name,
    from: format.value(first.value, unit),
    fromPeriod: format.period(first.period),
    to: format.value(last.value, unit),
    toPeriod: format.period(last.period),
    target: target !== null ? format.value(target, unit) : t('scorecards.card.noTarget'),
  });
  const caption = t('scorecards.trend.tableCaption', { name });
  return (
    <div className="stack">
      {trend.length > 1 ? (
        <Suspense fallback={<LoadingState />}>
          <TrendChart points={trend} unit={unit} target={target} label={label} />
        </Suspense>
      ) : null}
      <TableRegion caption={caption} className="trend-table" testId="trend-table">
        <thead>
          <tr>
            <th scope="col">{t('scorecards.history.period')}</th>
            <th scope="col" className="num-col">{t('scorecards.history.value')}</th>
            {target !== null ? <th scope="col" className="num-col">{t('scorecards.trend.vsTarget')}</th> : null}
          </tr>
        </thead>
        <tbody>
          {[...trend].reverse().map((point) => (
            <tr key={point.period}>
              <th scope="row">{format.period(point.period)}</th>
              <td className="num">{format.value(point.value, unit)}</td>
              {target !== null ? <td className="num">{format.change(point.value - target, unit)}</td> : null}
            </tr>
          ))}
        </tbody>
      </TableRegion>
    </div>
  );
}
