import { useTranslation } from 'react-i18next';
import type { WorkloadReport } from '../../api/precincts.contract';
import { Badge } from '../../ui/Badge';
import { usePrecinctFormat } from './usePrecinctFormat';

/** "7000–8000" → "7 000–8 000" in the reader's number format. */
function formatRange(text: string, integer: (n: number) => string): string {
  return text.replace(/\d{4,}/g, (digits) => integer(Number(digits)));
}

/** The report's own figures (п.9): real and cited, never mixed with the platform's computed ones. */
export function ReportedFigures({ report }: { report: WorkloadReport }) {
  const { t } = useTranslation();
  const format = usePrecinctFormat();
  const { reported, norms } = report;
  return (
    <section className="card workload-reported" aria-labelledby="reported-title" data-testid="reported-figures">
      <div className="workload-card-head">
        <h2 id="reported-title" className="h3">
          {t('precincts.workload.reported.title', { item: reported.item })}
        </h2>
        <Badge tone="info" icon="§">
          {t('precincts.workload.reported.badge')}
        </Badge>
      </div>
      <dl className="workload-figures">
        <div className="workload-figure">
          <dt>{t('precincts.workload.reported.additional')}</dt>
          <dd className="workload-figure-value" data-testid="reported-additional">
            {format.integer(reported.additionalNeeded)}
          </dd>
        </div>
        <div className="workload-figure">
          <dt>{t('precincts.workload.reported.perInspector2020')}</dt>
          <dd className="workload-figure-value" data-testid="reported-2020">
            {formatRange(reported.perInspector2020, format.integer)}
          </dd>
        </div>
        <div className="workload-figure">
          <dt>{t('precincts.workload.reported.norm')}</dt>
          <dd className="workload-figure-value">{format.integer(norms.norm)}</dd>
          <dd className="small muted">
            {t('precincts.workload.reported.normSource')}{' '}
            {/* Cited as the report words it, in Russian. */}
            <q lang="ru">{reported.normOrder}</q>
          </dd>
        </div>
        <div className="workload-figure">
          <dt>{t('precincts.workload.reported.target')}</dt>
          <dd className="workload-figure-value">{format.integer(norms.target)}</dd>
          <dd className="small muted">{t('precincts.workload.reported.targetSource', { item: reported.item })}</dd>
        </div>
      </dl>
    </section>
  );
}
