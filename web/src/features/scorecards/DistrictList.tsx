import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { LightCounts } from './LightCounts';
import { scorecardPaths } from './scorecards.api';
import type { DistrictListResponse } from './scorecards.types';
import { useScorecardFormat } from './useScorecardFormat';

/** The district departments with their lights, each linked to its scorecard. */
export function DistrictList({ items }: { items: DistrictListResponse['items'] }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  const format = useScorecardFormat();
  return (
    <ul className="unit-list" data-testid="district-list">
      {items.map(({ district, lights, indicatorCount }) => (
        <li key={district.id} className="card unit-card" data-testid="district-card">
          <h3 className="unit-card-title">
            <Link to={scorecardPaths.district(district.id)}>{localized(district.name)}</Link>
          </h3>
          <p className="small muted">
            {district.population !== null
              ? t('scorecards.district.population', { population: format.integer(district.population), year: district.populationYear ?? '' })
              : t('scorecards.district.noPopulation')}
            {' · '}
            {t('scorecards.district.indicators', { n: indicatorCount })}
          </p>
          <LightCounts counts={lights} label={t('scorecards.lights.labelFor', { name: localized(district.name) })} />
        </li>
      ))}
    </ul>
  );
}
