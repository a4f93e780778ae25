import { useTranslation } from 'react-i18next';
import { useQuery } from '../../api/useQuery';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { recommendationsApi } from '../recommendations/recommendations.api';
import { StatusChart } from '../recommendations/StatusChart';
import { filterHref } from '../recommendations/useRecommendationFilters';

/** How many recommendations stand at each status, live from the API. */
export function StatusSummary() {
  const { t } = useTranslation();
  const list = useQuery((signal) => recommendationsApi.list({}, signal), []);
  if (list.loading) return <LoadingState />;
  if (list.error) return <ProblemAlert error={list.error} onRetry={list.reload} />;
  if (!list.data) return null;
  return <StatusChart counts={list.data.counts} caption={t('home.statusCaption')} linkTo={(status) => filterHref('status', status)} />;
}
