import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { LinkCard } from '../../ui/LinkCard';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { hasRole, INDICATOR_DEFINERS, VALUE_EDITORS } from '../auth/roles';
import { coversUnit, useProgrammeList } from './usePerformanceStaff';

/** The staff workspace's way into the performance pages: values and programmes for editors, indicators for analysts. */
export function PerformanceWorkspace({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const editor = hasRole(user, VALUE_EDITORS);
  const analyst = hasRole(user, INDICATOR_DEFINERS);
  if (!editor && !analyst) return null;
  return (
    <section className="panel" aria-labelledby="performance-title" data-testid="performance-workspace">
      <h2 id="performance-title">{t('performanceStaff.workspace.title')}</h2>
      <div className="link-cards compact">
        {editor ? (
          <LinkCard to="/staff/values" title={t('performanceStaff.workspace.values')} icon="✎">
            {t('performanceStaff.workspace.valuesText')}
          </LinkCard>
        ) : null}
        {analyst ? (
          <LinkCard to="/staff/indicators" title={t('performanceStaff.workspace.indicators')} icon="◎">
            {t('performanceStaff.workspace.indicatorsText')}
          </LinkCard>
        ) : null}
      </div>
      {editor ? <ProgrammeLinks user={user} /> : null}
    </section>
  );
}

function ProgrammeLinks({ user }: { user: SessionUser }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const programmes = useProgrammeList();
  const mine = programmes.data?.filter((programme) => coversUnit(user, programme.department.id));
  if (mine?.length === 0) return null;
  return (
    <>
      <h3 id="programme-budgets-title">{t('performanceStaff.workspace.programmes')}</h3>
      <p className="muted small">{t('performanceStaff.workspace.programmesText')}</p>
      {programmes.loading && !programmes.data ? <LoadingState /> : null}
      {programmes.error ? <ProblemAlert error={programmes.error} onRetry={programmes.reload} /> : null}
      {mine ? (
        <ul className="task-list" aria-labelledby="programme-budgets-title" data-testid="programme-links">
          {mine.map((programme) => (
            <li key={programme.code} className="task">
              <Link to={`/staff/programmes/${encodeURIComponent(programme.code)}`}>{localized(programme.name)}</Link>
              <span className="muted small">
                {t('performanceStaff.workspace.programmeCounts', { measures: programme.measureCount, indicators: programme.indicatorCount })}
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
