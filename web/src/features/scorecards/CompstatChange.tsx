import { useTranslation } from 'react-i18next';
import { Badge } from '../../ui/Badge';
import type { CompstatCell, Direction } from './scorecards.types';
import { useScorecardFormat } from './useScorecardFormat';

/** "+12 %" and, when |z| ≥ 3, a badge saying whether the significant change is better or worse. */
export function CompstatChange({ cell, direction, showZ = false }: { cell: CompstatCell; direction: Direction; showZ?: boolean }) {
  const { t } = useTranslation();
  const format = useScorecardFormat();
  if (cell.change === null) return <span className="muted">—</span>;
  const worse = direction === 'lower_better' ? cell.change > 0 : cell.change < 0;
  const up = cell.change > 0;
  return (
    <span className="compstat-change">
      <span className="num">{cell.changePercent !== null ? format.changePercent(cell.changePercent) : format.signed(cell.change)}</span>
      {showZ && cell.z !== null ? <span className="small muted"> z = {format.number(cell.z)}</span> : null}
      {cell.significant ? (
        <Badge tone={worse ? 'danger' : 'success'} icon={up ? '▲' : '▼'} testId="compstat-significant">
          {t(worse ? 'scorecards.compstat.significantWorse' : 'scorecards.compstat.significantBetter')}
        </Badge>
      ) : null}
    </span>
  );
}
