import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useLocale } from '../../i18n/useLocale';
import { LightCounts } from './LightCounts';
import { scorecardPaths } from './scorecards.api';
import type { OfficialListItem } from './scorecards.types';

/** Responsible leaders (п.2: personal accountability), each with the lights of what they answer for. */
export function OfficialList({ items }: { items: OfficialListItem[] }) {
  const { t } = useTranslation();
  const { localized } = useLocale();
  return (
    <ul className="unit-list" data-testid="official-list">
      {items.map(({ official, programmes, lights, indicatorCount }) => (
        <li key={official.id} className="card unit-card" data-testid="official-card">
          <h3 className="unit-card-title">
            <Link to={scorecardPaths.official(official.id)}>{official.name}</Link>
          </h3>
          <p className="small">
            {localized(official.position)}
            <span className="muted"> · {localized(official.department.name)}</span>
            {official.synthetic ? <span className="muted"> · {t('scorecards.synthetic.name')}</span> : null}
          </p>
          {programmes.length ? (
            <p className="small">
              <span className="muted">{t('scorecards.official.answersFor')}: </span>
              {programmes.map((p, i) => (
                <span key={p.code}>
                  {i > 0 ? ', ' : ''}
                  <Link to={scorecardPaths.programme(p.code)}>{localized(p.name)}</Link>
                </span>
              ))}
            </p>
          ) : null}
          <p className="small muted">{t('scorecards.district.indicators', { n: indicatorCount })}</p>
          <LightCounts counts={lights} label={t('scorecards.lights.labelFor', { name: official.name })} />
        </li>
      ))}
    </ul>
  );
}
