import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { IndicatorUnit, TrendPoint } from './scorecards.types';
import { useScorecardFormat } from './useScorecardFormat';

export interface TrendChartProps {
  points: TrendPoint[];
  unit: IndicatorUnit;
  target: number | null;
  /** The chart's accessible name; the same data is in the table next to it. */
  label: string;
}

const PRIMARY = '#0b4f6c';
const TARGET = '#8a1c1c';
const GRID = '#d5dae1';
const TEXT = '#4a5563';

/**
 * The indicator over time with its target as a dashed line. Loaded on demand (the chart library
 * is large); screen readers get the label here and the numbers in the table below.
 */
export function TrendChart({ points, unit, target, label }: TrendChartProps) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  const data = points.map((p) => ({ period: p.period, value: p.value }));
  return (
    <div className="trend-chart" role="img" aria-label={label} data-testid="trend-chart">
      <LineChart responsive style={{ width: '100%', height: '100%' }} data={data} margin={{ top: 12, right: 12, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
        <XAxis dataKey="period" tickFormatter={(code: string) => format.period(code, true)} tick={{ fill: TEXT, fontSize: 12 }} minTickGap={12} />
        <YAxis width="auto" tick={{ fill: TEXT, fontSize: 12 }} tickFormatter={(v: number) => format.number(v)} domain={['auto', 'auto']} />
        <Tooltip
          formatter={(v) => [format.value(Number(v), unit), t('scorecards.trend.value')]}
          labelFormatter={(code) => format.period(String(code))}
        />
        {target !== null ? (
          <ReferenceLine y={target} ifOverflow="extendDomain" stroke={TARGET} strokeDasharray="6 4" strokeWidth={2} label={{ value: t('scorecards.trend.target'), position: 'insideTopRight', fill: TARGET, fontSize: 12 }} />
        ) : null}
        <Line type="monotone" dataKey="value" stroke={PRIMARY} strokeWidth={2.5} dot={{ r: 3, fill: PRIMARY }} isAnimationActive={false} />
      </LineChart>
    </div>
  );
}
