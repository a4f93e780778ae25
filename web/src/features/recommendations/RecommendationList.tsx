import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { RecommendationSummary } from '../../api/types';
import { EmptyState } from '../../ui/EmptyState';
import { ImportedBadge, StatusBadge, VerdictBadge } from './StatusBadge';
import { useTopicLabel } from './useTopicLabel';

export function RecommendationList({ items }: { items: RecommendationSummary[] }) {
  const { t } = useTranslation();
  const topicLabel = useTopicLabel();
  if (items.length === 0) return <EmptyState>{t('recommendations.empty')}</EmptyState>;
  return (
    <ol className="rec-list" data-testid="recommendation-list">
      {items.map((item) => (
        <li key={item.number} className="card rec-card" data-testid="recommendation-card">
          <h3 className="rec-card-title">
            <Link to={`/recommendations/${item.number}`}>
              <span className="rec-number">{t('recommendation.item', { number: item.number })}</span> <span lang="ru">{item.title}</span>
            </Link>
          </h3>
          <div className="badges">
            <StatusBadge status={item.status} />
            {item.assessment ? (
              <span className="badge-with-label">
                <span className="muted small">{t('recommendations.councilVerdict')}:</span> <VerdictBadge verdict={item.assessment} />
              </span>
            ) : null}
            {item.source === 'imported' ? <ImportedBadge /> : null}
          </div>
          <dl className="meta meta-inline">
            {item.addressees.length ? (
              <div>
                <dt>{t('recommendation.addressees')}</dt>
                <dd>{item.addressees.join(', ')}</dd>
              </div>
            ) : null}
            {item.topics.length ? (
              <div>
                <dt>{t('recommendation.topics')}</dt>
                <dd>{item.topics.map(topicLabel).join(', ')}</dd>
              </div>
            ) : null}
            <div>
              <dt>{t('recommendations.latestPeriod')}</dt>
              <dd>{item.latestPeriod ?? t('recommendations.noResponseYet')}</dd>
            </div>
          </dl>
        </li>
      ))}
    </ol>
  );
}
