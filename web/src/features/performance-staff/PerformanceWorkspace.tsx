import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SessionUser } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { LinkCard } from '../../ui/LinkCard';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { hasRole, INDICATOR_DEFINERS, VALUE_EDITORS } from '../auth/roles';
import { performanceStaffApi } from './performance-staff.api';
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
      {editor ? <DueValues /> : null}
      {editor ? <ProgrammeLinks user={user} /> : null}
    </section>
  );
}

const DUE_SHOWN = 6;

/** What the editor owes: the indicators whose latest value is older than the last completed period. */
function DueValues() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const due = useQuery((signal) => performanceStaffApi.due(signal), []);
  const items = due.data?.items ?? [];
  return (
    <>
      <h3 id="due-values-title">{t('performanceStaff.workspace.due')}</h3>
      <p className="muted small">{t('performanceStaff.workspace.dueText')}</p>
      {due.loading && !due.data ? <LoadingState /> : null}
      {due.error ? <ProblemAlert error={due.error} onRetry={due.reload} /> : null}
      {due.data && items.length === 0 ? <p>{t('performanceStaff.workspace.dueEmpty')}</p> : null}
      {items.length ? (
        <ul className="task-list" aria-labelledby="due-values-title" data-testid="due-values">
          {items.slice(0, DUE_SHOWN).map((item) => (
            <li key={item.id} className="task">
              <Link to={`/scorecards/indicators/${encodeURIComponent(item.id)}`}>
                {localized(item.name)} · {localized(item.department.name)}
              </Link>
              <span className="muted small">
                {t('performanceStaff.workspace.dueItem', { last: item.lastPeriod ?? t('performanceStaff.workspace.dueNone'), expected: item.expectedPeriod })}
              </span>
            </li>
          ))}
          {items.length > DUE_SHOWN ? <li className="muted small">{t('performanceStaff.workspace.dueMore', { count: items.length - DUE_SHOWN })}</li> : null}
        </ul>
      ) : null}
    </>
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
