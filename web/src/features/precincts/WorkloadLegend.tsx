import { useTranslation } from 'react-i18next';
import type { LoadLevel, WorkloadNorms } from '../../api/precincts.contract';
import { LOAD_LEVEL_META, LOAD_LEVELS } from './loadLevel';
import { usePrecinctFormat } from './usePrecinctFormat';

export interface WorkloadLegendProps {
  norms: WorkloadNorms;
  /** Precincts at each level, shown next to it. */
  counts: Partial<Record<LoadLevel, number>>;
}

/** What each colour of the workload map means, with the thresholds in residents per inspector. */
export function WorkloadLegend({ norms, counts }: WorkloadLegendProps) {
  const { t } = useTranslation();
  const format = usePrecinctFormat();
  const values = {
    target: format.integer(norms.target),
    above: format.integer(norms.target + 1),
    norm: format.integer(norms.norm),
    aboveNorm: format.integer(norms.norm + 1),
    double: format.integer(norms.norm * 2),
  };
  const levels = LOAD_LEVELS.filter((level) => level !== 'unknown' || (counts.unknown ?? 0) > 0);
  return (
    <ul className="load-legend" aria-label={t('precincts.workload.legend')} data-testid="load-legend">
      {levels.map((level) => (
        <li key={level} className="load-legend-item">
          <span className="load-swatch" style={{ background: LOAD_LEVEL_META[level].fill }} aria-hidden="true">
            {LOAD_LEVEL_META[level].icon}
          </span>
          <span>
            <strong>{t(`precincts.level.${level}`)}</strong>
            <span className="block small muted">{t(`precincts.levelRule.${level}`, values)}</span>
          </span>
          <span className="load-legend-count small">{t('precincts.workload.precinctsCount', { n: format.integer(counts[level] ?? 0) })}</span>
        </li>
      ))}
    </ul>
  );
}
