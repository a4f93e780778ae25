import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { PrecinctSummary } from '../../api/precincts.contract';
import { useQuery } from '../../api/useQuery';
import { useLocale } from '../../i18n/useLocale';
import { LoadingState } from '../../ui/LoadingState';
import { ProblemAlert } from '../../ui/ProblemAlert';
import { appealLink, precinctsApi } from './precincts.api';
import { ReceptionSummary } from './ReceptionSummary';

export interface VacantPrecinctProps {
  precinct: PrecinctSummary;
  point: { lat: number; lon: number } | null;
}

/** A precinct without an inspector says so and sends the resident to the district's front office. */
export function VacantPrecinct({ precinct, point }: VacantPrecinctProps) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const offices = useQuery(() => precinctsApi.receptionPoints('front_office'), []);
  const mine = offices.data?.items.filter((o) => o.districtId === precinct.district.id) ?? [];
  return (
    <div className="card vacant" data-testid="vacant-precinct">
      <div className="alert alert-warning">
        <p className="alert-title">{t('precincts.vacant.title')}</p>
        <p>{t('precincts.vacant.detail', { district: localized(precinct.district.name) })}</p>
      </div>
      <h3 className="h3">{t('precincts.vacant.frontOffice')}</h3>
      {offices.loading && !offices.data ? <LoadingState /> : null}
      {offices.error ? <ProblemAlert error={offices.error} onRetry={offices.reload} /> : null}
      {offices.data ? (
        mine.length ? (
          <ul className="post-list" data-testid="front-offices">
            {mine.map((office) => (
              <li key={office.id} className="post-item">
                <ReceptionSummary point={office} withPhone />
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">{t('precincts.vacant.noFrontOffice')}</p>
        )
      ) : null}
      <Link className="button button-primary button-wide" to={appealLink(precinct.id, point)} data-testid="appeal-link">
        {t('precincts.vacant.appeal')}
      </Link>
    </div>
  );
}
