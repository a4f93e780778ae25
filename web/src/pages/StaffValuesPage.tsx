import { useTranslation } from 'react-i18next';
import { useAuth } from '../features/auth/AuthProvider';
import { ValueEntryForm } from '../features/performance-staff/ValueEntryForm';
import { ValuesUpload } from '../features/performance-staff/ValuesUpload';
import { indicatorsInScope, useIndicatorList } from '../features/performance-staff/usePerformanceStaff';
import { EmptyState } from '../ui/EmptyState';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';

/** Editors enter indicator values: one at a time, or many from a checked CSV/XLSX upload. */
export function StaffValuesPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const indicators = useIndicatorList();
  const mine = indicatorsInScope(indicators.data ?? [], user);
  usePageTitle(t('performanceStaff.values.title'));

  return (
    <div className="page">
      <StaffPageHeader title={t('performanceStaff.values.title')} lead={t('performanceStaff.values.lead')} />

      <section className="card section" aria-labelledby="value-single-title">
        <h2 id="value-single-title">{t('performanceStaff.values.single.title')}</h2>
        {indicators.loading && !indicators.data ? <LoadingState /> : null}
        {indicators.error ? <ProblemAlert error={indicators.error} onRetry={indicators.reload} /> : null}
        {indicators.data ? (
          mine.length ? (
            <ValueEntryForm indicators={mine} />
          ) : (
            <EmptyState>{t('performanceStaff.values.single.noIndicators')}</EmptyState>
          )
        ) : null}
      </section>

      <section className="card section" aria-labelledby="value-upload-title">
        <h2 id="value-upload-title">{t('performanceStaff.upload.title')}</h2>
        <p>{t('performanceStaff.upload.intro')}</p>
        <ValuesUpload />
      </section>
    </div>
  );
}
