import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecommendationSummary } from '../../api/types';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { EmptyState } from '../../ui/EmptyState';
import { LinkCard } from '../../ui/LinkCard';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { AppealsLinkCard, Open311LinkCard } from '../appeals-staff/AppealsLinkCard';
import { latestPeriod } from '../reference/reference.api';
import { usePeriods } from '../reference/useReference';
import { recommendationsApi } from '../recommendations/recommendations.api';
import { StatusBadge, VerdictBadge } from '../recommendations/StatusBadge';

function useAllRecommendations() {
  return useQuery((signal) => recommendationsApi.list({}, signal), []);
}

function TaskList({ items, testId }: { items: RecommendationSummary[]; testId: string }) {
  const { t } = useTranslation();
  return (
    <ul className="task-list" data-testid={testId}>
      {items.map((item) => (
        <li key={item.number} className="task">
          <Link to={`/recommendations/${item.number}`}>
            <span className="rec-number">{t('recommendation.item', { number: item.number })}</span> {item.title}
          </Link>
          <span className="badges">
            <StatusBadge status={item.status} />
            {item.assessment ? <VerdictBadge verdict={item.assessment} /> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Editor: recommendations without a response for the latest period. */
export function EditorWorkspace() {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const periods = usePeriods();
  const list = useAllRecommendations();
  const latest = periods.data ? latestPeriod(periods.data) : undefined;
  const due = latest && list.data ? list.data.items.filter((item) => item.latestPeriod !== latest.code) : [];

  return (
    <section className="panel" aria-labelledby="editor-due-title" data-testid="editor-workspace">
      <h2 id="editor-due-title">{t('staff.editor.title')}</h2>
      <div className="link-cards compact">
        <LinkCard to="/staff/import" title={t('staff.editor.import')} icon="⤒">
          {t('staff.editor.importText')}
        </LinkCard>
        <AppealsLinkCard />
      </div>
      {periods.loading || list.loading ? <LoadingState /> : null}
      {periods.error ? <ProblemAlert error={periods.error} onRetry={periods.reload} /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {latest && list.data ? (
        <>
          <p>
            {t('staff.editor.due', {
              period: localized(latest.label) || latest.code,
              due: due.length,
              total: list.data.items.length,
            })}
          </p>
          {due.length ? <TaskList items={due} testId="due-list" /> : <EmptyState>{t('staff.editor.allDone')}</EmptyState>}
        </>
      ) : null}
      {!periods.loading && periods.data?.length === 0 ? <EmptyState>{t('staff.editor.noPeriods')}</EmptyState> : null}
    </section>
  );
}

/** Council: responses that have no assessment yet. */
export function CouncilWorkspace() {
  const { t } = useTranslation();
  const list = useAllRecommendations();
  const awaiting = list.data?.items.filter((item) => item.latestPeriod !== null && item.assessment === null) ?? [];
  return (
    <section className="panel" aria-labelledby="council-title" data-testid="council-workspace">
      <h2 id="council-title">{t('staff.council.title')}</h2>
      <p>{t('staff.council.intro')}</p>
      {list.loading ? <LoadingState /> : null}
      {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
      {list.data ? (
        awaiting.length ? (
          <>
            <p>{t('staff.council.awaiting', { awaiting: awaiting.length })}</p>
            <TaskList items={awaiting} testId="awaiting-list" />
          </>
        ) : (
          <EmptyState>{t('staff.council.allDone')}</EmptyState>
        )
      ) : null}
      <p>
        <Link to="/audit">{t('staff.council.audit')}</Link>
      </p>
    </section>
  );
}

export function AdminWorkspace() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="admin-title" data-testid="admin-workspace">
      <h2 id="admin-title">{t('staff.admin.title')}</h2>
      <div className="link-cards compact">
        <LinkCard to="/admin/users" title={t('staff.admin.users')} icon="👥">
          {t('staff.admin.usersText')}
        </LinkCard>
        <Open311LinkCard />
      </div>
    </section>
  );
}

/** Roles whose workspaces belong to modules not yet in the web app. */
export function OtherRoleWorkspace() {
  const { t } = useTranslation();
  return (
    <section className="panel" aria-labelledby="other-title">
      <h2 id="other-title">{t('staff.other.title')}</h2>
      <p>{t('staff.other.text')}</p>
      <div className="link-cards compact">
        <AppealsLinkCard />
        <LinkCard to="/recommendations" title={t('nav.recommendations')} />
        <LinkCard to="/audit" title={t('nav.audit')} />
      </div>
    </section>
  );
}
