import { useTranslation } from 'react-i18next';
import type { IndicatorUnit, TrendPoint } from './scorecards.types';
import { useScorecardFormat } from './useScorecardFormat';

export interface SparklineProps {
  points: TrendPoint[];
  unit: IndicatorUnit;
  /** The value to reach, drawn as a dashed line. */
  target?: number | null;
}

const WIDTH = 160;
const HEIGHT = 40;
const PAD = 3;

/**
 * A small trend line for a card: plain SVG (no chart library on the list pages), described in words
 * for screen readers ("from 6 069 in 2020 to 2 863 in 2021").
 */
export function Sparkline({ points, unit, target }: SparklineProps) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  if (points.length < 2) return null;
  const values = points.map((p) => p.value);
  const all = target !== null && target !== undefined ? [...values, target] : values;
  const min = Math.min(...all);
  const max = Math.max(...all);
  const span = max - min || 1;
  const x = (i: number) => PAD + (i / (points.length - 1)) * (WIDTH - 2 * PAD);
  const y = (v: number) => HEIGHT - PAD - ((v - min) / span) * (HEIGHT - 2 * PAD);
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(p.value).toFixed(1)}`).join(' ');
  const first = points[0]!;
  const last = points[points.length - 1]!;
  const label = t('scorecards.trend.summary', {
    from: format.value(first.value, unit),
    fromPeriod: format.period(first.period),
    to: format.value(last.value, unit),
    toPeriod: format.period(last.period),
    points: points.length,
  });
  return (
    <svg className="sparkline" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={label} data-testid="sparkline">
      <title>{label}</title>
      {target !== null && target !== undefined ? (
        <line x1={PAD} x2={WIDTH - PAD} y1={y(target)} y2={y(target)} className="sparkline-target" vectorEffect="non-scaling-stroke" />
      ) : null}
      <path d={path} className="sparkline-line" vectorEffect="non-scaling-stroke" />
      <circle cx={x(points.length - 1)} cy={y(last.value)} r="2.5" className="sparkline-dot" />
    </svg>
  );
}
