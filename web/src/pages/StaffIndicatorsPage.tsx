import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { IndicatorForm } from '../features/performance-staff/IndicatorForm';
import type { IndicatorCard } from '../features/performance-staff/performance.types';
import { StaffIndicatorList } from '../features/performance-staff/StaffIndicatorList';
import { useIndicatorCards, usePerformanceLabels } from '../features/performance-staff/usePerformanceStaff';
import { useDistricts } from '../features/reference/useReference';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/** Analysts define indicators and set their targets and traffic-light thresholds. */
export function StaffIndicatorsPage() {
  const { t } = useTranslation();
  const { indicatorName } = usePerformanceLabels();
  const catalogue = useIndicatorCards();
  const programmes = catalogue.data?.programmes ?? [];
  const districts = useDistricts();
  const [created, setCreated] = useState<IndicatorCard>();
  usePageTitle(t('performanceStaff.indicators.title'));

  const handleCreated = (indicator: IndicatorCard) => {
    setCreated(indicator);
    catalogue.reload();
  };

  return (
    <div className="page">
      <StaffPageHeader title={t('performanceStaff.indicators.title')} lead={t('performanceStaff.indicators.lead')} />

      <section className="card section" aria-labelledby="new-indicator-title">
        <h2 id="new-indicator-title">{t('performanceStaff.indicators.new')}</h2>
        {districts.error ? <ProblemAlert error={districts.error} onRetry={districts.reload} /> : null}
        <details className="disclosure">
          <summary>{t('performanceStaff.indicators.newOpen')}</summary>
          <IndicatorForm programmes={programmes} districts={districts.data ?? []} onSaved={handleCreated} />
        </details>
        {created ? (
          <p className="success-text" role="status" data-testid="indicator-created">
            {t('performanceStaff.indicators.createdNamed', { name: indicatorName(created), code: created.code })}{' '}
            <Link to={`/scorecards/indicators/${created.id}`}>{t('performanceStaff.indicators.public')}</Link>
          </p>
        ) : null}
      </section>

      <section className="section" aria-labelledby="all-indicators-title">
        <h2 id="all-indicators-title">{t('performanceStaff.indicators.all')}</h2>
        {catalogue.loading && !catalogue.data ? <LoadingState /> : null}
        {catalogue.error ? <ProblemAlert error={catalogue.error} onRetry={catalogue.reload} /> : null}
        {catalogue.data ? (
          <StaffIndicatorList
            indicators={catalogue.data.indicators}
            programmes={programmes}
            districts={districts.data ?? []}
          />
        ) : null}
      </section>
    </div>
  );
}
