import { useTranslation } from 'react-i18next';
import { useQuery } from '../api/useQuery';
import { useAuth } from '../features/auth/AuthProvider';
import { hasRole, REPORT_EXPORTERS } from '../features/auth/roles';
import { RecommendationFilterForm } from '../features/recommendations/RecommendationFilterForm';
import { RecommendationList } from '../features/recommendations/RecommendationList';
import { openDataUrls, recommendationsApi } from '../features/recommendations/recommendations.api';
import { ReportExportLinks } from '../features/recommendations/ReportExportLinks';
import { StatusChart } from '../features/recommendations/StatusChart';
import { useRecommendationFilters } from '../features/recommendations/useRecommendationFilters';
import { DemoNotice } from '../ui/DemoNotice';
import { LoadingState } from '../ui/LoadingState';
import { ProblemAlert } from '../ui/ProblemAlert';
import { usePageTitle } from '../ui/usePageTitle';

export function RecommendationsPage() {
  const { t } = useTranslation();
  const { user } = useAuth();
  const { filters } = useRecommendationFilters();
  usePageTitle(t('recommendations.title'));
  const list = useQuery(
    (signal) => recommendationsApi.list(filters, signal),
    [filters.status, filters.addressee, filters.topic, filters.q],
  );

  const statusHref = (status: string) => {
    const params = new URLSearchParams(Object.entries(filters).filter(([, v]) => !!v) as [string, string][]);
    if (filters.status === status) params.delete('status');
    else params.set('status', status);
    const qs = params.toString();
    return qs ? `/recommendations?${qs}` : '/recommendations';
  };

  return (
    <div className="page">
      <header className="page-header">
        <h1>{t('recommendations.title')}</h1>
        <p className="lead">{t('recommendations.lead')}</p>
      </header>
      <DemoNotice>{t('demo.statuses')}</DemoNotice>
      <RecommendationFilterForm facets={list.data?.facets} />
      <div className="with-aside">
        <section aria-labelledby="results-title" className="results">
          <h2 id="results-title" className="results-title">
            {t('recommendations.results')}
            <span className="results-count" aria-live="polite" data-testid="results-count">
              {list.data ? ` ${t('recommendations.found', { found: list.data.items.length })}` : ''}
            </span>
          </h2>
          {list.loading && !list.data ? <LoadingState /> : null}
          {list.error ? <ProblemAlert error={list.error} onRetry={list.reload} /> : null}
          {list.data ? (
            <div className={list.loading ? 'is-stale' : undefined} aria-busy={list.loading}>
              <RecommendationList items={list.data.items} />
            </div>
          ) : null}
        </section>
        <aside className="aside" aria-label={t('recommendations.aside')}>
          {list.data ? (
            <div className="card">
              <StatusChart counts={list.data.counts} caption={t('recommendations.chartCaption')} linkTo={statusHref} active={filters.status} />
            </div>
          ) : null}
          <div className="card">
            <h2 className="h3">{t('openData.title')}</h2>
            <ul className="plain-list">
              <li>
                <a href={openDataUrls.json}>{t('openData.json')}</a>
              </li>
              <li>
                <a href={openDataUrls.csvFiltered(filters)}>{t('openData.csvFiltered')}</a>
              </li>
              <li>
                <a href={openDataUrls.docs}>{t('openData.apiDocs')}</a>
              </li>
            </ul>
          </div>
          {hasRole(user, REPORT_EXPORTERS) ? (
            <div className="card">
              <h2 className="h3">{t('export.title')}</h2>
              <ReportExportLinks idPrefix="rec-export" />
            </div>
          ) : null}
        </aside>
      </div>
    </div>
  );
}
