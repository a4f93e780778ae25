import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { BudgetLinesEditor } from '../features/performance-staff/BudgetLinesEditor';
import { MeasuresEditor } from '../features/performance-staff/MeasuresEditor';
import { performanceStaffApi } from '../features/performance-staff/performance-staff.api';
import type { ProgrammeScorecard } from '../features/performance-staff/performance.types';
import { coversUnit, usePerformanceLabels } from '../features/performance-staff/usePerformanceStaff';
import { useAuth } from '../features/auth/AuthProvider';
import { useLocale } from '../i18n/useLocale';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { StaffPageHeader } from '../ui/StaffPageHeader';
import { usePageTitle } from '../ui/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

/** Editors keep a programme's budget lines and the progress of its measures up to date. */
export function StaffProgrammePage() {
  const { t } = useTranslation();
  const { localized, formatDate } = useLocale();
  const { departmentName } = usePerformanceLabels();
  const { code = '' } = useParams();
  const { user } = useAuth();
  const loaded = useQuery((signal) => performanceStaffApi.programme(code, signal), [code]);
  // The budget form answers the whole programme again; show that rather than reload.
  const [saved, setSaved] = useState<ProgrammeScorecard>();
  const programme = saved?.code === code ? saved : loaded.data;
  const name = programme ? localized(programme.name) : code;
  usePageTitle(t('performanceStaff.programme.title', { name }));

  if (loaded.error?.status === 404) return <NotFoundPage />;

  return (
    <div className="page">
      <StaffPageHeader title={name} lead={t('performanceStaff.programme.lead')} />
      {loaded.loading && !programme ? <LoadingState /> : null}
      {loaded.error ? <ProblemAlert error={loaded.error} onRetry={loaded.reload} /> : null}
      {programme ? (
        <>
          <dl className="meta meta-inline programme-facts">
            <div>
              <dt>{t('performanceStaff.programme.period')}</dt>
              <dd>
                {formatDate(programme.startsOn)} – {formatDate(programme.endsOn)}
              </dd>
            </div>
            <div>
              <dt>{t('performanceStaff.programme.department')}</dt>
              <dd>{departmentName(programme.department)}</dd>
            </div>
            {programme.official ? (
              <div>
                <dt>{t('performanceStaff.programme.official')}</dt>
                <dd>{programme.official.name}</dd>
              </div>
            ) : null}
            {programme.sourceItem ? (
              <div>
                <dt>{t('performanceStaff.programme.sourceItem')}</dt>
                <dd>{programme.sourceItem}</dd>
              </div>
            ) : null}
          </dl>
          {coversUnit(user, programme.department.id) ? null : (
            <p className="alert alert-info" role="note">
              {t('performanceStaff.programme.readOnly', { department: departmentName(programme.department) })}
            </p>
          )}
          <p>
            <Link to={`/scorecards/programmes/${encodeURIComponent(programme.code)}`}>{t('performanceStaff.programme.public')}</Link>
          </p>

          <section className="section" aria-labelledby="budget-title">
            <h2 id="budget-title">{t('performanceStaff.budget.title')}</h2>
            <BudgetLinesEditor programme={programme} onSaved={setSaved} canEdit={coversUnit(user, programme.department.id)} />
          </section>

          <section className="section" aria-labelledby="measures-title">
            <h2 id="measures-title">{t('performanceStaff.measures.title')}</h2>
            <MeasuresEditor
              key={programme.code}
              measures={programme.measures}
              declaredCount={programme.declaredMeasureCount}
              canEdit={coversUnit(user, programme.department.id)}
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
