import { CartesianGrid, Legend, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { ForecastMethod, MethodResult } from '../../api/crime-analysis.contract';
import { useCrimeFormat } from './useCrimeFormat';
import { useMethodText } from './useMethodText';

export interface HitRateChartProps {
  results: readonly MethodResult[];
  /** The chart's accessible name; the figures are in the table above it. */
  label: string;
  /** What the axes are, under the chart. */
  caption: string;
}

/** Each method's own colour and its own dash and marker, so the lines tell apart without colour too. */
const STYLE: Record<ForecastMethod, { stroke: string; dash: string | undefined; dot: 'circle' | 'square' | 'diamond' | 'triangle' }> = {
  naive: { stroke: '#4a5563', dash: '6 4', dot: 'square' },
  kde: { stroke: '#2b6cb0', dash: '2 3', dot: 'diamond' },
  prospective: { stroke: '#c05621', dash: '10 3 2 3', dot: 'triangle' },
  sepp: { stroke: '#0b4f6c', dash: undefined, dot: 'circle' },
};

const GRID = '#d5dae1';
const TEXT = '#4a5563';

function Marker({ shape, cx, cy, stroke }: { shape: 'circle' | 'square' | 'diamond' | 'triangle'; cx?: number; cy?: number; stroke: string }) {
  if (cx === undefined || cy === undefined) return null;
  const r = 3.5;
  if (shape === 'square') return <rect x={cx - r} y={cy - r} width={2 * r} height={2 * r} fill={stroke} />;
  if (shape === 'diamond') return <path d={`M${cx} ${cy - r - 1}L${cx + r + 1} ${cy}L${cx} ${cy + r + 1}L${cx - r - 1} ${cy}Z`} fill={stroke} />;
  if (shape === 'triangle') return <path d={`M${cx} ${cy - r - 1}L${cx + r + 1} ${cy + r}L${cx - r - 1} ${cy + r}Z`} fill={stroke} />;
  return <circle cx={cx} cy={cy} r={r} fill={stroke} />;
}

/** Hit rate against the share of area searched, one line per method: the higher and earlier a line rises, the better. */
export function HitRateChart({ results, label, caption }: HitRateChartProps) {
  const format = useCrimeFormat();
  const text = useMethodText();
  const keys = results.map((r, i) => `${r.method}-${i}`);
  const shares = results[0]?.curve.map((p) => p.coverage) ?? [];
  const data = [{ coverage: 0, ...Object.fromEntries(keys.map((k) => [k, 0])) }, ...shares.map((coverage, s) => ({ coverage, ...Object.fromEntries(results.map((r, i) => [keys[i]!, r.curve[s]?.hitRate ?? 0])) }))];
  return (
    <figure className="hit-rate-chart" data-testid="hit-rate-chart">
      <div className="hit-rate-chart-plot" role="img" aria-label={label}>
        <LineChart responsive style={{ width: '100%', height: '100%' }} data={data} margin={{ top: 12, right: 16, bottom: 4, left: 4 }} accessibilityLayer={false}>
          <CartesianGrid stroke={GRID} strokeDasharray="3 3" />
          <XAxis dataKey="coverage" type="number" domain={[0, 0.2]} ticks={[0, 0.05, 0.1, 0.15, 0.2]} tickFormatter={(v: number) => format.share(v)} tick={{ fill: TEXT, fontSize: 12 }} />
          <YAxis width="auto" domain={[0, 'auto']} tickFormatter={(v: number) => format.share(v)} tick={{ fill: TEXT, fontSize: 12 }} />
          <Tooltip formatter={(v, name) => [format.hitRate(Number(v)), String(name)]} labelFormatter={(v) => format.share(Number(v))} />
          <Legend iconType="plainline" wrapperStyle={{ fontSize: 13 }} />
          {results.map((r, i) => {
            const style = STYLE[r.method];
            return (
              <Line
                key={keys[i]}
                type="linear"
                dataKey={keys[i]!}
                name={text.methodName(r.method)}
                stroke={style.stroke}
                strokeWidth={2.25}
                strokeDasharray={style.dash}
                dot={(props: { cx?: number; cy?: number; index?: number }) => (props.index !== undefined && props.index % 8 === 0 && props.index > 0 ? <Marker key={props.index} shape={style.dot} cx={props.cx} cy={props.cy} stroke={style.stroke} /> : <g key={props.index} />)}
                isAnimationActive={false}
              />
            );
          })}
        </LineChart>
      </div>
      <figcaption className="small muted">{caption}</figcaption>
    </figure>
  );
}
