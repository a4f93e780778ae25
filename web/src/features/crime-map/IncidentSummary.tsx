import { useTranslation } from 'react-i18next';
import type { IncidentCollection } from '../../api/crime-map.contract';
import { useCrimeMapFormat } from './useCrimeMapFormat';

/** The most points the server sends (crime.service MAX_POINTS). */
const MAX_POINTS = 5000;

/** How many incidents match in the view, whether they are clustered, and whether the list was cut short. */
export function IncidentSummary({ data, loading }: { data: IncidentCollection | undefined; loading: boolean }) {
  const { t } = useTranslation();
  const format = useCrimeMapFormat();
  return (
    <div className="incident-summary" role="status" aria-live="polite" aria-atomic="true">
      {data ? (
        <p className="incident-total" data-testid="incident-total" data-total={data.total} data-clustered={data.clustered ? 'true' : 'false'}>
          <strong>{t('crimeMap.staff.total', { n: format.integer(data.total) })}</strong>{' '}
          <span className="muted">{data.clustered ? t('crimeMap.staff.clustered') : t('crimeMap.staff.points')}</span>
          {loading ? <span className="muted"> · {t('common.loading')}</span> : null}
        </p>
      ) : (
        <p className="incident-total muted">{t('common.loading')}</p>
      )}
      {data?.truncated ? (
        <p className="alert alert-warning" data-testid="incident-truncated">
          {t('crimeMap.staff.truncated', { shown: format.integer(Math.min(MAX_POINTS, data.features.length)), total: format.integer(data.total) })}
        </p>
      ) : null}
    </div>
  );
}
