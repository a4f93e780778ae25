import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from '../api/useQuery';
import { useAuth } from '../features/auth/AuthProvider';
import { ASSESSORS, hasRole, RESPONSE_WRITERS } from '../features/auth/roles';
import { FilterChips } from '../features/recommendations/FilterChips';
import { HistoryList } from '../features/recommendations/HistoryList';
import { recommendationsApi } from '../features/recommendations/recommendations.api';
import { ResponseCard } from '../features/recommendations/ResponseCard';
import { ResponseForm } from '../features/recommendations/ResponseForm';
import { StatusBadge } from '../features/recommendations/StatusBadge';
import { useTopicLabel } from '../features/recommendations/useTopicLabel';
import { DemoNotice } from '../ui/DemoNotice';
import { EmptyState } from '../ui/EmptyState';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';
import { NotFoundPage } from './NotFoundPage';

export function RecommendationPage() {
  const { t } = useTranslation();
  const { number: param = '' } = useParams();
  const { user } = useAuth();
  const topicLabel = useTopicLabel();
  const valid = /^\d+$/.test(param);
  const detail = useQuery((signal) => (valid ? recommendationsApi.get(param, signal) : Promise.resolve(undefined)), [param]);
  const rec = detail.data;
  usePageTitle(rec ? `${t('recommendation.item', { number: rec.number })} ${rec.title}` : t('recommendation.item', { number: param }));

  if (!valid || detail.error?.status === 404) return <NotFoundPage />;

  const canWrite = hasRole(user, RESPONSE_WRITERS);
  const canAssess = hasRole(user, ASSESSORS);
  const responses = rec ? [...rec.responses].sort((a, b) => b.period.code.localeCompare(a.period.code)) : [];

  return (
    <article className="page recommendation" aria-labelledby="rec-title">
      <p className="breadcrumbs">
        <Link to="/recommendations">← {t('recommendation.back')}</Link>
      </p>
      <header className="page-header">
        <h1 id="rec-title">
          <span className="rec-number">{t('recommendation.item', { number: rec?.number ?? param })}</span>
          {rec ? <span lang="ru"> {rec.title}</span> : null}
        </h1>
        {rec ? (
          <div className="badges">
            <span className="muted">{t('recommendation.currentStatus')}:</span> <StatusBadge status={rec.status} />
          </div>
        ) : null}
      </header>

      {detail.loading && !rec ? <LoadingState /> : null}
      {detail.error ? <ProblemAlert error={detail.error} onRetry={detail.reload} /> : null}

      {rec ? (
        <>
          {rec.synthetic ? <DemoNotice>{t('demo.recommendation')}</DemoNotice> : null}
          {rec.status === 'outside_competence' && rec.competence ? (
            <p>
              <strong>{t('recommendation.competence')}:</strong> {rec.competence}
            </p>
          ) : null}

          <section className="card rec-text" aria-labelledby="rec-text-title">
            <h2 id="rec-text-title">{t('recommendation.text')}</h2>
            <p className="prewrap" lang="ru">
              {rec.text}
            </p>
            {rec.subItems.length ? (
              <ol className="sub-items">
                {rec.subItems.map((sub) => (
                  <li key={sub.label}>
                    <strong className="sub-label">{sub.label}</strong> {sub.text}
                  </li>
                ))}
              </ol>
            ) : null}
            <dl className="meta">
              <div>
                <dt>{t('recommendation.addressees')}</dt>
                <dd>
                  <FilterChips param="addressee" values={rec.addressees} />
                </dd>
              </div>
              <div>
                <dt>{t('recommendation.topics')}</dt>
                <dd>
                  <FilterChips param="topic" values={rec.topics} label={topicLabel} />
                </dd>
              </div>
            </dl>
          </section>

          <section className="section" aria-labelledby="responses-title">
            <h2 id="responses-title">{t('recommendation.responses')}</h2>
            {responses.length === 0 ? <EmptyState>{t('recommendation.noResponses')}</EmptyState> : null}
            <div className="stack">
              {responses.map((response) => (
                <ResponseCard
                  key={response.id}
                  response={response}
                  canAssess={canAssess}
                  onChanged={detail.reload}
                  recommendationNumber={rec.number}
                />
              ))}
            </div>
          </section>

          {canWrite ? (
            <section className="section" aria-labelledby="respond-title" id="respond">
              <h2 id="respond-title">{t('responseForm.title')}</h2>
              <ResponseForm recommendation={rec} onSaved={detail.reload} />
            </section>
          ) : null}

          <section className="section" aria-labelledby="history-title">
            <h2 id="history-title">{t('history.title')}</h2>
            <p className="muted small">
              {t('history.intro')} <Link to="/audit">{t('history.toAudit')}</Link>
            </p>
            <HistoryList entries={rec.history} />
          </section>
        </>
      ) : null}
    </article>
  );
}
