import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from 'recharts';
import type { PlanMethod } from '../../api/patrol.contract';
import { usePatrolFormat } from './usePatrolFormat';

export interface CoverageChartProps {
  data: { method: PlanMethod; name: string; share: number }[];
  /** The chart's accessible name, with every figure (the chart itself is drawn for the eye). */
  label: string;
}

const COLOURS: Record<PlanMethod, string> = { optimised: '#0b4f6c', current: '#8a94a3', uniform: '#8a94a3', greedy: '#4a7a91' };
const TEXT = '#17202b';

/** Horizontal bars of the share of risk each plan covers; the optimised plan stands out. */
export function CoverageChart({ data, label }: CoverageChartProps) {
  const format = usePatrolFormat();
  const max = Math.min(1, Math.max(...data.map((d) => d.share)) * 1.25);
  return (
    <div className="patrol-chart" role="img" aria-label={label} data-testid="coverage-chart">
      <BarChart responsive style={{ width: '100%', height: '100%' }} data={data} layout="vertical" margin={{ top: 4, right: 56, bottom: 4, left: 4 }} accessibilityLayer={false}>
        <XAxis type="number" domain={[0, max]} hide />
        <YAxis type="category" dataKey="name" width={96} tick={{ fill: TEXT, fontSize: 13 }} axisLine={false} tickLine={false} />
        <Bar dataKey="share" isAnimationActive={false} barSize={18}>
          {data.map((d) => (
            <Cell key={d.method} fill={COLOURS[d.method]} />
          ))}
          <LabelList dataKey="share" position="right" formatter={(v: unknown) => format.share(Number(v))} fill={TEXT} fontSize={13} />
        </Bar>
      </BarChart>
    </div>
  );
}
