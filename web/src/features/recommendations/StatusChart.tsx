import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { RECOMMENDATION_STATUSES, type RecommendationListResponse } from '../../api/types';
import { useLocale } from '../../i18n/useLocale';
import { STATUS_META } from './status';

export interface StatusChartProps {
  counts: RecommendationListResponse['counts'];
  /** Caption of the figure. */
  caption: string;
  /** Each bar links to the list filtered by its status. */
  linkTo?: (status: string) => string;
  /** The status currently filtered on, highlighted. */
  active?: string;
}

/**
 * Counts per status as horizontal bars: plain HTML, readable by screen readers as a list
 * ("Выполнена: 5"), and needing no chart library.
 */
export function StatusChart({ counts, caption, linkTo, active }: StatusChartProps) {
  const { t } = useTranslation();
  const { formatNumber } = useLocale();
  const rows = RECOMMENDATION_STATUSES.map((status) => ({ status, count: counts[status] ?? 0 }));
  const max = Math.max(1, ...rows.map((r) => r.count));
  const total = rows.reduce((sum, r) => sum + r.count, 0);
  return (
    <figure className="status-chart" data-testid="status-chart">
      <figcaption className="status-chart-caption">
        {caption} <span className="muted">({t('chart.total', { total: formatNumber(total) })})</span>
      </figcaption>
      <ul className="status-chart-rows">
        {rows.map(({ status, count }) => {
          const label = t(`status.${status}`);
          const content = (
            <>
              <span className="status-chart-label">
                <span aria-hidden="true" className="status-chart-icon">
                  {STATUS_META[status].icon}
                </span>{' '}
                {label}
              </span>
              <span className="status-chart-track" aria-hidden="true">
                <span
                  className={`status-chart-bar tone-${STATUS_META[status].tone}`}
                  style={{ width: `${(count / max) * 100}%` }}
                />
              </span>
              <span className="status-chart-value">{formatNumber(count)}</span>
            </>
          );
          return (
            <li key={status} className={active === status ? 'is-active' : undefined}>
              {linkTo ? (
                <Link
                  to={linkTo(status)}
                  className="status-chart-row"
                  aria-current={active === status ? 'true' : undefined}
                  aria-label={`${label}: ${formatNumber(count)}`}
                >
                  {content}
                </Link>
              ) : (
                <span className="status-chart-row" aria-label={`${label}: ${formatNumber(count)}`} role="group">
                  {content}
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </figure>
  );
}
