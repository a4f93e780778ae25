import { useTranslation } from 'react-i18next';
import type { WorkloadReport } from '../../api/precincts.contract';
import { Badge } from '../../ui/Badge';
import { LoadLevelBadge } from './LoadLevelBadge';
import { usePrecinctFormat } from './usePrecinctFormat';

/** The city's figures as the platform computes them from its precincts (demo data on the demo stand). */
export function ComputedFigures({ report }: { report: WorkloadReport }) {
  const { t } = useTranslation();
  const format = usePrecinctFormat();
  const { city, synthetic } = report;
  const gap = (value: number | null) => (value === null ? '—' : value > 0 ? `+${format.integer(value)}` : '0');
  return (
    <section className="card workload-computed" aria-labelledby="computed-title" data-testid="computed-figures">
      <div className="workload-card-head">
        <h2 id="computed-title" className="h3">
          {t('precincts.workload.computed.title')}
        </h2>
        {synthetic ? (
          <Badge tone="warning" icon="⚠">
            {t('precincts.workload.computed.demoBadge')}
          </Badge>
        ) : (
          <Badge tone="neutral">{t('precincts.workload.computed.badge')}</Badge>
        )}
      </div>
      <p className="small muted">{t(synthetic ? 'precincts.workload.computed.leadDemo' : 'precincts.workload.computed.lead')}</p>
      <dl className="workload-figures">
        <div className="workload-figure">
          <dt>{t('precincts.workload.columns.population')}</dt>
          <dd className="workload-figure-value">{format.integer(city.population)}</dd>
        </div>
        <div className="workload-figure">
          <dt>{t('precincts.workload.columns.inspectors')}</dt>
          <dd className="workload-figure-value">{format.integer(city.inspectors)}</dd>
        </div>
        <div className="workload-figure">
          <dt>{t('precincts.workload.columns.perInspector')}</dt>
          <dd className="workload-figure-value" data-testid="computed-per-inspector">
            {format.integer(city.perInspector)}
          </dd>
          <dd>
            <LoadLevelBadge level={city.level} />
          </dd>
        </div>
        <div className="workload-figure">
          <dt>{t('precincts.workload.computed.gapToNorm')}</dt>
          <dd className="workload-figure-value" data-testid="computed-gap-norm">
            {gap(city.gapToNorm)}
          </dd>
          <dd className="small muted">{t('precincts.workload.computed.needed', { value: format.integer(city.neededForNorm) })}</dd>
        </div>
        <div className="workload-figure">
          <dt>{t('precincts.workload.computed.gapToTarget')}</dt>
          <dd className="workload-figure-value">{gap(city.gapToTarget)}</dd>
          <dd className="small muted">{t('precincts.workload.computed.needed', { value: format.integer(city.neededForTarget) })}</dd>
        </div>
      </dl>
    </section>
  );
}
